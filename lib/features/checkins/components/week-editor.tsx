"use client";

import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { CircleAlert } from "@/components/ui/icons/circle-alert";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { closeOutCheckinAction, saveCheckinPlanAction } from "@/lib/features/checkins/actions";
import {
  CLOSE_OUT_LABELS,
  CLOSE_OUT_TEXT_FIELDS,
  HOURS_MAX,
  PLANNED_MILESTONES_MAX,
  TEXT_MAX,
  type CloseOutTextField,
} from "@/lib/features/checkins/constants";
import type { PlannablePhase, SavedCheckin } from "@/lib/features/checkins/types";

type FieldErrors = Record<string, string[]>;

export type WeekEditorProps = {
  cohortId: string;
  weekStart: string;
  /** The version loaded with the page; null when the week has no check-in yet. */
  lockVersion: number | null;
  plannedKeys: string[];
  plannedHours: number | null;
  /** Milestones to plan from; null shows no plan form (a past week is only closed out). */
  plannable: PlannablePhase[] | null;
  closeOut: Record<CloseOutTextField, string> & { actualHours: number | null };
  /** The roadmap's weekly rule, shown beside the close-out fields. */
  guidance: ReactNode;
  /** Fold the close-out away until asked for (a running week that has none yet). */
  foldCloseOut?: boolean;
};

// The action's field errors arrive keyed by zod path ("plannedKeys.3"); each field shows its own.
function errorsFor(errors: FieldErrors, field: string) {
  const messages = Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, list]) => list);
  return messages.length > 0 ? [...new Set(messages)] : undefined;
}

function FormAlert({ message, action }: { message: string | null; action?: ReactNode }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg"
    >
      <CircleAlert aria-hidden className="size-4 shrink-0" />
      <span className="min-w-0 flex-1">{message}</span>
      {action}
    </div>
  );
}

/** Whole hours in a week; Field hands it its id and descriptions, so the props pass through. */
function HoursInput(props: ComponentProps<typeof Input>) {
  return <Input type="number" inputMode="numeric" min={0} max={HOURS_MAX} step={1} fullWidth={false} className="w-28" {...props} />;
}

export function WeekEditor({
  cohortId,
  weekStart,
  lockVersion,
  plannedKeys,
  plannedHours,
  plannable,
  closeOut,
  guidance,
  foldCloseOut = false,
}: WeekEditorProps) {
  const router = useRouter();
  // Both forms write the same row, so they share the version the next save must match.
  const [version, setVersion] = useState(lockVersion);
  const [conflict, setConflict] = useState<string | null>(null);
  const week: CheckinWeek = { cohortId, weekStart, lockVersion: version };

  function handleResult(result: ActionResult<SavedCheckin>, setErrors: (errors: FieldErrors) => void, done: string) {
    if (result.ok) {
      setVersion(result.data.lockVersion);
      setErrors({});
      setConflict(null);
      toast({ title: done, variant: "success" });
      router.refresh();
      return null;
    }
    if (result.code === "CONFLICT") {
      setConflict(result.error);
      return null;
    }
    setErrors(result.fieldErrors ?? {});
    return result.fieldErrors ? null : result.error;
  }

  return (
    <div className="grid gap-6">
      <FormAlert
        message={conflict}
        action={
          <Button type="button" variant="secondary" size="sm" onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      />
      {plannable ? (
        <PlanForm week={week} onResult={handleResult} plannedKeys={plannedKeys} plannedHours={plannedHours} plannable={plannable} />
      ) : null}
      <CloseOutForm week={week} onResult={handleResult} closeOut={closeOut} guidance={guidance} fold={foldCloseOut} />
    </div>
  );
}

type OnResult = (
  result: ActionResult<SavedCheckin>,
  setErrors: (errors: FieldErrors) => void,
  done: string,
) => string | null;

/** The week both forms write, with the version the next save must match. */
type CheckinWeek = { cohortId: string; weekStart: string; lockVersion: number | null };

type FormProps = { week: CheckinWeek; onResult: OnResult };

function PlanForm({
  week,
  onResult,
  plannedKeys,
  plannedHours,
  plannable,
}: FormProps & { plannedKeys: string[]; plannedHours: number | null; plannable: PlannablePhase[] }) {
  const headingId = useId();
  const countId = useId();
  const [selected, setSelected] = useState<string[]>(plannedKeys);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const full = selected.length >= PLANNED_MILESTONES_MAX;
  const milestoneErrors = errorsFor(errors, "plannedKeys");

  function toggle(key: string, checked: boolean) {
    setSelected((current) => (checked ? [...current, key] : current.filter((k) => k !== key)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await saveCheckinPlanAction({
        ...week,
        plannedKeys: selected,
        plannedHours: String(form.get("plannedHours") ?? ""),
      });
      setMessage(onResult(result, setErrors, "Plan saved"));
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="grid gap-4">
      <h3 id={headingId} className="text-sm font-semibold">
        Plan the week
      </h3>
      <FormAlert message={message} />
      <fieldset
        className="grid gap-1.5"
        aria-describedby={milestoneErrors ? `${countId} ${countId}-error` : countId}
      >
        <legend className="mb-1.5 text-sm leading-5 font-medium">Milestones</legend>
        {plannable.length === 0 ? (
          <p className="text-sm text-muted-foreground">Every milestone is complete — nothing left to plan.</p>
        ) : (
          <div className="max-h-72 overflow-y-auto rounded-md border border-border bg-surface">
            {plannable.map((phase) => (
              <div key={phase.key} role="group" aria-labelledby={`${headingId}-${phase.key}`}>
                <p
                  id={`${headingId}-${phase.key}`}
                  className="sticky top-0 z-10 border-b border-border bg-surface-muted px-3 py-1 text-xs font-semibold text-muted-foreground"
                >
                  {phase.title}
                </p>
                <ul>
                  {phase.milestones.map((milestone) => {
                    const checked = selected.includes(milestone.key);
                    return (
                      <li key={milestone.key}>
                        <label className="flex cursor-pointer items-start gap-2.5 px-3 py-1.5 text-sm leading-5 hover:bg-surface-muted has-disabled:cursor-not-allowed has-disabled:text-muted-foreground">
                          <input
                            type="checkbox"
                            name="plannedKeys"
                            value={milestone.key}
                            checked={checked}
                            disabled={!checked && full}
                            onChange={(event) => toggle(milestone.key, event.target.checked)}
                            className="mt-0.5 size-4 shrink-0 accent-accent"
                          />
                          <span className="min-w-0 break-words">{milestone.title}</span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        )}
        <p id={countId} aria-live="polite" className="text-[0.8125rem] leading-5 text-muted-foreground tabular-nums">
          {selected.length} of {PLANNED_MILESTONES_MAX} picked
          {full ? " — uncheck one to pick another." : "; only milestones you have not completed are listed."}
        </p>
        {milestoneErrors ? (
          <div id={`${countId}-error`} className="grid gap-0.5 text-[0.8125rem] leading-5 font-medium text-status-danger-fg">
            {milestoneErrors.map((error) => (
              <p key={error} className="flex items-start gap-1.5">
                <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
                <span>{error}</span>
              </p>
            ))}
          </div>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Planned hours" hint={`0–${HOURS_MAX}`} errors={errorsFor(errors, "plannedHours")} optional>
          <HoursInput name="plannedHours" defaultValue={plannedHours ?? ""} />
        </Field>
      </div>
      <div>
        <Button type="submit" loading={pending}>
          Save plan
        </Button>
      </div>
    </form>
  );
}

function CloseOutForm({
  week,
  onResult,
  closeOut,
  guidance,
  fold,
}: FormProps & { closeOut: WeekEditorProps["closeOut"]; guidance: ReactNode; fold: boolean }) {
  const headingId = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = Object.fromEntries(
      CLOSE_OUT_TEXT_FIELDS.map((field) => [field, String(form.get(field) ?? "")]),
    ) as Record<CloseOutTextField, string>;
    startTransition(async () => {
      const result = await closeOutCheckinAction({
        ...week,
        ...text,
        actualHours: String(form.get("actualHours") ?? ""),
      });
      setMessage(onResult(result, setErrors, "Week closed out"));
    });
  }

  const intro = (
    <p className="text-[0.8125rem] leading-5 text-muted-foreground">
      What the week brought, in plain text (up to {TEXT_MAX.toLocaleString("en")} characters each), and the hours it took.
    </p>
  );
  const formElement = (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="grid gap-4">
      <FormAlert message={message} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_15rem]">
        <aside className="lg:order-last">{guidance}</aside>
        <div className="grid gap-4 sm:grid-cols-2">
          {CLOSE_OUT_TEXT_FIELDS.map((field) => (
            <Field
              key={field}
              label={CLOSE_OUT_LABELS[field]}
              errors={errorsFor(errors, field)}
              optional
              className={field === "reflection" ? "sm:col-span-2" : undefined}
            >
              <Textarea name={field} rows={3} maxLength={TEXT_MAX} defaultValue={closeOut[field]} />
            </Field>
          ))}
          <Field label="Actual hours" hint={`0–${HOURS_MAX}`} errors={errorsFor(errors, "actualHours")}>
            <HoursInput name="actualHours" required defaultValue={closeOut.actualHours ?? ""} />
          </Field>
        </div>
      </div>
      <div>
        <Button type="submit" loading={pending}>
          Close out week
        </Button>
      </div>
    </form>
  );

  // A running week is mostly planned and worked, so its close-out waits behind a native
  // disclosure (keyboard and screen-reader friendly) until the learner opens it.
  if (fold) {
    return (
      <details className="group grid gap-4 border-t border-border pt-4">
        <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-sm [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" />
          <h3 id={headingId} className="text-sm font-semibold">
            Close out the week
          </h3>
          <span className="hidden text-[0.8125rem] text-muted-foreground sm:inline">— at the end of the week</span>
        </summary>
        <div className="mt-3 grid gap-4">
          {intro}
          {formElement}
        </div>
      </details>
    );
  }
  return (
    <div className="grid gap-4 border-t border-border pt-5">
      <div className="grid gap-0.5">
        <h3 id={headingId} className="text-sm font-semibold">
          Close out the week
        </h3>
        {intro}
      </div>
      {formElement}
    </div>
  );
}
