"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { createCohortAction } from "@/lib/features/cohorts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/use-action";
import { TimeZoneSelect, VersionOptions } from "@/lib/features/cohorts/components/form-parts";
import { REVIEW_TARGET_HOURS_DEFAULT, WEEKS_PER_PHASE_DEFAULT } from "@/lib/features/cohorts/constants";
import type { VersionOption } from "@/lib/features/cohorts/types";

/** Admin → "New cohort". Mentors are existing accounts named by email; learners come later (members page). */
export function NewCohortForm({ versions, timeZones, today }: { versions: VersionOption[]; timeZones: string[]; today: string }) {
  const router = useRouter();
  const { pending, run, fieldErrors: errors, alert: formError } = useAction({ unreachable: "Cairn could not be reached. Nothing was created; try again.", say: "alert" });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      name: text("name"),
      versionId: text("versionId"),
      startDate: text("startDate"),
      endDate: text("endDate"),
      weeksPerPhase: text("weeksPerPhase"),
      reviewTargetHours: text("reviewTargetHours"),
      timezone: text("timezone"),
      mentorEmails: text("mentorEmails")
        .split(/[\s,;]+/)
        .filter(Boolean),
    };
    const result = await run(() => createCohortAction(input), { leaving: true });
    if (!result?.ok) return;
    toast({ title: "Cohort created", description: "Add learners or create an invite link next.", variant: "success" });
    router.push(`/cohorts/${result.data.id}/members`);
  }

  if (versions.length === 0) {
    return <FormAlert tone="warning">There is no published roadmap version yet. Publish a roadmap first, then create the cohort.</FormAlert>;
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <Field label="Name" errors={errorsFor(errors, "name")}>
        <Input name="name" required autoComplete="off" placeholder="Spring Cohort 2027" />
      </Field>
      <Field label="Roadmap version" hint="Learners follow this version; you can move the cohort to another later." errors={errorsFor(errors, "versionId")}>
        <Select name="versionId" defaultValue={versions[0]!.id} required>
          <VersionOptions versions={versions} />
        </Select>
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Start date" errors={errorsFor(errors, "startDate")}>
          <Input name="startDate" type="date" defaultValue={today} required />
        </Field>
        <Field label="End date" optional errors={errorsFor(errors, "endDate")}>
          <Input name="endDate" type="date" />
        </Field>
        <Field label="Weeks per phase" hint="Sets each learner's target dates." errors={errorsFor(errors, "weeksPerPhase")}>
          <Input name="weeksPerPhase" type="number" inputMode="numeric" min={1} defaultValue={WEEKS_PER_PHASE_DEFAULT} required />
        </Field>
        <Field label="Review target (hours)" hint="How long an attempt may wait for a mentor." errors={errorsFor(errors, "reviewTargetHours")}>
          <Input name="reviewTargetHours" type="number" inputMode="numeric" min={1} defaultValue={REVIEW_TARGET_HOURS_DEFAULT} required />
        </Field>
      </div>
      <Field label="Time zone" hint="Dates and deadlines on cohort screens use it." errors={errorsFor(errors, "timezone")}>
        <TimeZoneSelect zones={timeZones} name="timezone" defaultValue="UTC" required />
      </Field>
      <Field
        label="Mentors"
        optional
        hint="Emails of existing accounts, one per line or separated by commas."
        errors={errorsFor(errors, "mentorEmails")}
      >
        <Textarea name="mentorEmails" rows={3} autoComplete="off" spellCheck={false} placeholder="mentor@example.com" />
      </Field>
      <div>
        <Button type="submit" loading={pending}>
          Create cohort
        </Button>
      </div>
    </form>
  );
}
