"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { errorsFor, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { removeCohortMemberAction, updateMemberScheduleAction } from "@/lib/features/cohorts/actions";
import type { MemberRow } from "@/lib/features/cohorts/types";

// The member list's dialogs, loaded when one is first opened (decision 023): Radix's dialog stays off the members
// page's first load.

/** What the dialogs need of a member: the server sends only this to the member list's buttons. */
export type DialogMember = Pick<MemberRow, "membershipId" | "name" | "startDate" | "extensionDays">;

/** A dialog about one member, shown while open; closing it ends it. */
type MemberDialogProps = { member: DialogMember; onOpenChange: (open: boolean) => void };

/** `cohortStartLabel`: the cohort's start date in words, for the hint of an empty start date. */
export function ScheduleDialog({ member, cohortStartLabel, onOpenChange }: MemberDialogProps & { cohortStartLabel: string }) {
  const router = useRouter();
  const [startDate, setStartDate] = useState(member.startDate ?? "");
  const [extensionDays, setExtensionDays] = useState(String(member.extensionDays));
  const { pending, run, fieldErrors: errors, alert } = useAction({ unreachable: "Cairn could not be reached. Nothing was saved; try again.", say: "alert" });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => updateMemberScheduleAction({ membershipId: member.membershipId, startDate, extensionDays }));
    if (!result?.ok) return;
    onOpenChange(false);
    toast({ title: `Schedule saved for ${member.name}`, variant: "success" });
    router.refresh();
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Schedule for {member.name}</DialogTitle>
          <DialogDescription>Their target dates follow their start date, plus any extension.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
          <Field
            label="Start date"
            optional
            hint={`Leave empty to use the cohort's start date (${cohortStartLabel}).`}
            errors={errorsFor(errors, "startDate")}
          >
            <Input type="date" value={startDate} onChange={(event) => setStartDate(event.target.value)} />
          </Field>
          <Field label="Deadline extension (days)" hint="Added to every target date of this learner." errors={errorsFor(errors, "extensionDays")}>
            <Input type="number" inputMode="numeric" min={0} value={extensionDays} onChange={(event) => setExtensionDays(event.target.value)} />
          </Field>
          <DialogFooter>
            <DialogCancel />
            <Button type="submit" loading={pending}>
              Save schedule
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function RemoveDialog({ member, cohortName, onOpenChange }: MemberDialogProps & { cohortName: string }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached; try again.", say: { toast: `${member.name} was not removed` }, fields: false });

  async function remove() {
    const result = await run(() => removeCohortMemberAction({ membershipId: member.membershipId }));
    if (!result?.ok) return;
    onOpenChange(false);
    toast({ title: `${member.name} removed`, description: "Their work is kept; you can add them back.", variant: "success" });
    router.refresh();
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            Remove {member.name} from {cohortName}?
          </DialogTitle>
          <DialogDescription>
            They lose access to this cohort at once. Their progress, attempts and comments are kept, and you can add them back
            later.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogCancel />
          <Button type="button" variant="danger" loading={pending} onClick={remove}>
            Remove
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
