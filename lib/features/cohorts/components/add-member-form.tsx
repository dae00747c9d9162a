"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { addCohortMemberAction } from "@/lib/features/cohorts/actions";
import { CohortRoleSelect } from "@/lib/features/cohorts/components/cohort-role-select";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/use-action";

/**
 * "Add member": an existing account by email. People without an account get an invite link instead. `icon` is the
 * button's, drawn by the server (decision 044); the spinner takes its place while the member is added.
 */
export function AddMemberForm({ cohortId, icon }: { cohortId: string; icon: ReactNode }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"learner" | "mentor">("learner");
  const { pending, run, fieldErrors: errors, alert } = useAction({ unreachable: "Cairn could not be reached. Nobody was added; try again.", say: "alert" });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => addCohortMemberAction({ cohortId, email, role }));
    if (!result?.ok) return;
    setEmail("");
    toast({
      title: result.data.reactivated ? "Added back to the cohort" : `Added as ${role === "learner" ? "a learner" : "a mentor"}`,
      description: result.data.reactivated ? "Their earlier work is still there." : undefined,
      variant: "success",
    });
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Add member">
      {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
      <Field label="Email" errors={errorsFor(errors, "email")}>
        <Input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" required />
      </Field>
      <div className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-3">
        <Field label="Role" errors={errorsFor(errors, "role")}>
          <CohortRoleSelect value={role} onRole={setRole} />
        </Field>
        <Button type="submit" variant="secondary" loading={pending} className="mt-7">
          {pending ? null : icon}
          Add member
        </Button>
      </div>
    </form>
  );
}
