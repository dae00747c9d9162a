"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { updateCohortSettingsAction } from "@/lib/features/cohorts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/use-action";
import { TimeZoneSelect } from "@/lib/features/cohorts/components/form-parts";
import type { CohortSettingsValues } from "@/lib/features/cohorts/types";

type Draft = Record<Exclude<keyof CohortSettingsValues, "lockVersion">, string>;

/** The at-risk thresholds (decision 050): field, label, hint. */
const THRESHOLDS: [keyof Draft, string, string][] = [
  ["inactivityDays", "Inactivity days", "Days without any activity."],
  ["behindPaceBy", "Behind pace after (milestones)", "Due milestones not yet done."],
  ["changesRequestedDays", "Changes unanswered (days)", "Days since a mentor asked for changes, with no new attempt."],
  ["phaseSlippedDays", "Phase slipped (days)", "Days past a phase's target date with milestones still open."],
];

function toDraft(values: CohortSettingsValues): Draft {
  return {
    name: values.name,
    startDate: values.startDate,
    endDate: values.endDate ?? "",
    weeksPerPhase: String(values.weeksPerPhase),
    reviewTargetHours: String(values.reviewTargetHours),
    timezone: values.timezone,
    inactivityDays: String(values.inactivityDays),
    behindPaceBy: String(values.behindPaceBy),
    changesRequestedDays: String(values.changesRequestedDays),
    phaseSlippedDays: String(values.phaseSlippedDays),
  };
}

/**
 * Name, dates, pacing, review target, time zone and the at-risk thresholds (inactivity, milestones behind, changes
 * unanswered, a phase slipped); twice a threshold turns "Watch" into "At risk" (decision 050). Saves carry the
 * lockVersion the form loaded: a stale save is refused and the form shows what is saved now.
 */
export function SettingsForm({ cohortId, initial, timeZones }: { cohortId: string; initial: CohortSettingsValues; timeZones: string[] }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [lockVersion, setLockVersion] = useState(initial.lockVersion);
  const { pending, run, fieldErrors: errors, alert } = useAction({ unreachable: "Cairn could not be reached. Nothing was saved; try again.", say: "alert" });

  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => updateCohortSettingsAction({ cohortId, lockVersion, ...draft }));
    if (!result) return;
    if (!result.ok) {
      if ("current" in result) {
        // Someone saved first: show their values, so the next save is a deliberate one.
        setDraft(toDraft(result.current));
        setLockVersion(result.current.lockVersion);
      }
      return;
    }
    setDraft(toDraft(result.data));
    setLockVersion(result.data.lockVersion);
    toast({ title: "Settings saved", variant: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label="Cohort settings">
      {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
      <Field label="Name" errors={errorsFor(errors, "name")}>
        <Input value={draft.name} onChange={set("name")} required autoComplete="off" />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Start date" errors={errorsFor(errors, "startDate")}>
          <Input type="date" value={draft.startDate} onChange={set("startDate")} required />
        </Field>
        <Field label="End date" optional errors={errorsFor(errors, "endDate")}>
          <Input type="date" value={draft.endDate} onChange={set("endDate")} />
        </Field>
        <Field label="Weeks per phase" hint="Sets every learner's target dates." errors={errorsFor(errors, "weeksPerPhase")}>
          <Input type="number" inputMode="numeric" min={1} value={draft.weeksPerPhase} onChange={set("weeksPerPhase")} required />
        </Field>
        <Field label="Review target (hours)" hint="Attempts waiting longer show as overdue." errors={errorsFor(errors, "reviewTargetHours")}>
          <Input type="number" inputMode="numeric" min={1} value={draft.reviewTargetHours} onChange={set("reviewTargetHours")} required />
        </Field>
        <Field label="Time zone" errors={errorsFor(errors, "timezone")}>
          <TimeZoneSelect zones={timeZones} value={draft.timezone} onChange={set("timezone")} required />
        </Field>
      </div>
      <fieldset className="grid gap-4">
        <legend className="mb-1 text-sm font-semibold">At-risk thresholds</legend>
        <p className="text-sm text-muted-foreground">
          A learner who reaches a threshold is flagged &ldquo;Watch&rdquo;; at twice the threshold, &ldquo;At risk&rdquo;.
        </p>
        <div className="grid gap-5 sm:grid-cols-2">
          {THRESHOLDS.map(([field, label, hint]) => (
            <Field key={field} label={label} hint={hint} errors={errorsFor(errors, field)}>
              <Input type="number" inputMode="numeric" min={1} value={draft[field]} onChange={set(field)} required />
            </Field>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" loading={pending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
