"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Glyph } from "@/components/ui/glyph";
import { Progress } from "@/components/ui/progress";
import { useAction } from "@/components/use-action";
import { tickMilestoneAction } from "@/lib/features/progress/actions";
import { NextUpCard, PaceCard, type NextUpIcons } from "@/lib/features/progress/components/roadmap-summary";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import { isTickable, type TickEvent } from "@/lib/features/progress/policy";
import type { RoadmapMilestoneRow, RoadmapPhaseSection } from "@/lib/features/progress/types";
import { isOverdue, isPhaseFinished, roadmapSummary } from "@/lib/features/progress/utils";
import { type Day, formatDay } from "@/lib/calendar";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { isTypingTarget } from "@/lib/keyboard";

// The dialog (and Radix's) loads when someone first asks for the shortcuts (decision 023).
const RoadmapShortcuts = lazy(() =>
  import("@/lib/features/progress/components/roadmap-shortcuts").then((module) => ({ default: module.RoadmapShortcuts })),
);

/** The one thing a row offers, by status: tick, un-tick, start, or go and add evidence. */
function primaryEvent(milestone: RoadmapMilestoneRow, status: ProgressStatus): TickEvent | null {
  if (isTickable(milestone)) {
    if (status === "done") return "reopen";
    return "complete";
  }
  return status === "not_started" ? "start" : null;
}

/**
 * What a row shows while its tick is on its way: where the tick the row offers leads. The server's policy decides
 * (`tickTransition`), and its answer replaces the guess; the policy's rules stay out of the browser (decision 068).
 */
const GUESSES: Record<TickEvent, ProgressStatus> = { start: "in_progress", complete: "done", reopen: "not_started" };

/** How long ticking must have settled before the page is re-rendered on the server (decision 034). */
const REFRESH_AFTER_MS = 1000;

type Local = {
  /** The server's render the statuses below were made against. */
  base: RoadmapPhaseSection[];
  statuses: Map<string, ProgressStatus>;
  /** Milestones with a tick on its way. */
  busy: Set<string>;
  /** Milestones ticked since the last re-render was asked for, which that render may not have seen. */
  unseen: Set<string>;
};

/**
 * Statuses the server confirmed against one render of the roadmap (its phases). Navigating back before the page was
 * re-rendered shows that same render again, with a fresh component: it starts from these.
 */
const confirmed = new WeakMap<RoadmapPhaseSection[], Map<string, ProgressStatus>>();

/** When the server re-renders, its statuses win, except for milestones it may not have seen ticked yet. */
function against(phases: RoadmapPhaseSection[], local: Local): Local {
  if (local.base === phases) return local;
  const keep = new Set([...local.busy, ...local.unseen]);
  return { base: phases, statuses: new Map([...local.statuses].filter(([key]) => keep.has(key))), busy: local.busy, unseen: local.unseen };
}

export function RoadmapTrail({
  cohortId,
  cohortQuery,
  phases,
  startDate,
  today,
  hint,
  icons,
}: {
  cohortId: string;
  /** "?cohort=…" when the learner is in several cohorts, else "". */
  cohortQuery: string;
  phases: RoadmapPhaseSection[];
  /** The day the learner's pacing starts from, and today, both in the cohort's calendar. */
  startDate: Day;
  today: Day;
  /** The line naming the keys, drawn by the server: it never changes (decision 044). */
  hint: ReactNode;
  icons: NextUpIcons;
}) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const { run: ticking } = useAction({ unreachable: "Cairn could not be reached. Your change was not saved.", fields: false });
  const [local, setLocal] = useState<Local>(() => ({ base: phases, statuses: new Map(confirmed.get(phases)), busy: new Set(), unseen: new Set() }));
  const current = useMemo(() => against(phases, local), [phases, local]);
  const statuses = current.statuses;
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  const focused = useRef(-1);
  const inFlight = useRef(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [help, setHelp] = useState<boolean | null>(null);
  // Phases finished when the page was drawn fold to one line; ticking does not fold or unfold them under the learner.
  const [folded] = useState(
    () =>
      new Set(
        phases
          .filter((phase) => isPhaseFinished({ milestones: phase.milestones.map((m) => ({ ...m, status: statuses.get(m.key) ?? m.status })) }))
          .map((phase) => phase.key),
      ),
  );

  const all = phases.flatMap((phase) => phase.milestones);
  const statusOf = useCallback(
    (milestone: RoadmapMilestoneRow) => statuses.get(milestone.key) ?? milestone.status,
    [statuses],
  );
  const shown = phases.map((phase) => ({ ...phase, milestones: phase.milestones.map((m) => ({ ...m, status: statusOf(m) })) }));
  const summary = roadmapSummary(shown, startDate, today);

  const update = useCallback(
    (key: string, change: { status: ProgressStatus | null; busy: boolean }) =>
      setLocal((previous) => {
        const base = against(phases, previous);
        const statuses = new Map(base.statuses);
        if (change.status) statuses.set(key, change.status);
        else statuses.delete(key);
        const busy = new Set(base.busy);
        if (change.busy) busy.add(key);
        else busy.delete(key);
        const unseen = new Set(base.unseen);
        if (!change.busy && change.status) unseen.add(key);
        return { base: phases, statuses, busy, unseen };
      }),
    [phases],
  );

  // One server render once ticking settles, not one per tick: the cards and the trail already show what it would.
  const refreshLater = useCallback(() => {
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      if (inFlight.current > 0) return;
      setLocal((previous) => ({ ...previous, unseen: new Set() }));
      startRefresh(() => router.refresh());
    }, REFRESH_AFTER_MS);
  }, [router]);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  const act = useCallback(
    async (milestone: RoadmapMilestoneRow, event: TickEvent) => {
      const shown = statusOf(milestone);
      // A tick the row does not offer (`x` on a milestone that takes evidence) is not guessed: the server says why not.
      const guess = primaryEvent(milestone, shown) === event ? GUESSES[event] : shown;
      clearTimeout(refreshTimer.current);
      inFlight.current += 1;
      update(milestone.key, { status: guess, busy: true });
      const result = await ticking(() => tickMilestoneAction({ cohortId, itemKey: milestone.key, event }));
      inFlight.current -= 1;
      if (result?.ok) {
        update(milestone.key, { status: result.data.status, busy: false });
        confirmed.set(phases, new Map(confirmed.get(phases)).set(milestone.key, result.data.status));
      } else {
        update(milestone.key, { status: null, busy: false });
      }
      if (inFlight.current === 0) refreshLater();
    },
    [cohortId, phases, refreshLater, statusOf, ticking, update],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || help || isTypingTarget(event.target)) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const delta = event.key === "j" ? 1 : -1;
        const index = Math.min(Math.max(focused.current + delta, 0), all.length - 1);
        const row = rows.current[index];
        // Stepping into a folded phase opens it: every milestone stays one key away (decision 052).
        const fold = row?.closest("details");
        if (fold && !fold.open) fold.open = true;
        row?.focus();
      } else if (event.key === "Enter" && focused.current >= 0 && event.target === rows.current[focused.current]) {
        const milestone = all[focused.current];
        if (!milestone) return;
        event.preventDefault();
        router.push(`/roadmap/${milestone.key}${cohortQuery}`);
      } else if (event.key === "?") {
        event.preventDefault();
        setHelp(true);
      } else if (event.key === "x" && focused.current >= 0) {
        const milestone = all[focused.current];
        if (!milestone) return;
        event.preventDefault();
        const tick: TickEvent = statusOf(milestone) === "done" ? "reopen" : "complete";
        void act(milestone, tick);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [act, all, cohortQuery, help, router, statusOf]);

  const firstRowOfPhase = phases.map((_, index) => phases.slice(0, index).reduce((sum, phase) => sum + phase.milestones.length, 0));
  return (
    <>
      <div className="grid gap-3 md:grid-cols-2">
        <NextUpCard next={summary.nextUp} cohortQuery={cohortQuery} icons={icons} />
        <PaceCard summary={summary} />
      </div>
      <div className="grid gap-6">
        {hint}
        <ol className="grid gap-6">
          {phases.map((phase, phaseIndex) => {
            const completed = phase.milestones.filter((m) => COMPLETE_STATUSES.has(statusOf(m))).length;
            const title = (
              <h2 id={`phase-${phase.key}`} className="text-base font-semibold">
                <span className="text-muted-foreground">Phase {phaseIndex + 1}:</span> {phase.title}
              </h2>
            );
            const body = (
              <>
                <header className="grid gap-3 border-b border-border px-4 py-3">
                  {folded.has(phase.key) ? null : (
                    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                      {title}
                      <p className="text-xs text-muted-foreground">
                        Target <time dateTime={phase.targetDate}>{formatDay(phase.targetDate)}</time>
                      </p>
                    </div>
                  )}
                  <Progress
                    size="sm"
                    hideLabel
                    label={`Phase ${phaseIndex + 1} progress`}
                    value={completed}
                    max={phase.total}
                    valueText={`${completed} of ${phase.total} milestones complete`}
                    tone={completed === phase.total ? "success" : "accent"}
                  />
                  <p aria-hidden className="text-xs text-muted-foreground tabular-nums">
                    {completed} of {phase.total} milestones complete
                  </p>
                </header>
                <ul className="divide-y divide-border">
                  {phase.milestones.map((milestone, position) => {
                    const rowIndex = firstRowOfPhase[phaseIndex]! + position;
                    return (
                      <MilestoneRow
                        key={milestone.key}
                        ref={(element) => {
                          rows.current[rowIndex] = element;
                        }}
                        onFocus={() => {
                          focused.current = rowIndex;
                        }}
                        milestone={milestone}
                        status={statusOf(milestone)}
                        overdue={isOverdue({ targetDate: milestone.targetDate, status: statusOf(milestone) }, today)}
                        busy={current.busy.has(milestone.key)}
                        href={`/roadmap/${milestone.key}${cohortQuery}`}
                        onAct={(event) => void act(milestone, event)}
                      />
                    );
                  })}
                </ul>
              </>
            );
            return (
              <li key={phase.key}>
                <section aria-labelledby={`phase-${phase.key}`} className="rounded-xl border border-border bg-surface">
                  {folded.has(phase.key) ? (
                    // Finished when the page was drawn: one line that opens on demand (decision 052).
                    <details className="group">
                      <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-xl px-4 py-3 group-open:rounded-b-none group-open:border-b group-open:border-border">
                        <span className="flex items-center gap-2">
                          <Glyph name="chevron-right" className="size-4 text-muted-foreground group-open:rotate-90" />
                          {title}
                        </span>
                        <span className="flex items-center gap-2 text-xs text-muted-foreground">
                          <Badge variant="success" icon="circle-check">
                            Done
                          </Badge>
                          <span className="tabular-nums">
                            {completed} of {phase.total} milestones
                          </span>
                        </span>
                      </summary>
                      {body}
                    </details>
                  ) : (
                    body
                  )}
                </section>
              </li>
            );
          })}
        </ol>
      </div>
      {help === null ? null : (
        <Suspense fallback={null}>
          <RoadmapShortcuts open={help} onOpenChange={setHelp} />
        </Suspense>
      )}
    </>
  );
}

const ACTION_LABELS: Record<TickEvent, string> = { start: "Start", complete: "Mark as done", reopen: "Mark as not done" };

function MilestoneRow({
  milestone,
  status,
  overdue,
  busy,
  href,
  onAct,
  onFocus,
  ref,
}: {
  milestone: RoadmapMilestoneRow;
  status: ProgressStatus;
  /** Past its target day on the learner's schedule and still theirs to do. */
  overdue: boolean;
  busy: boolean;
  href: string;
  onAct: (event: TickEvent) => void;
  onFocus: () => void;
  ref: (element: HTMLLIElement | null) => void;
}) {
  const event = primaryEvent(milestone, status);
  const needsEvidence = !isTickable(milestone) && !COMPLETE_STATUSES.has(status) && status !== "submitted";
  return (
    <li
      ref={ref}
      tabIndex={-1}
      onFocus={onFocus}
      data-milestone-key={milestone.key}
      aria-label={milestone.title}
      className="grid gap-2 px-4 py-3 outline-none focus-visible:bg-accent-subtle sm:grid-cols-[10rem_1fr_auto] sm:items-center sm:gap-3"
    >
      <div className="flex flex-wrap items-center gap-1">
        <StatusBadge status={status} />
        {overdue ? (
          <Badge variant="danger" icon="alarm-clock">
            Overdue
          </Badge>
        ) : null}
        {milestone.linkBroken ? <Badge variant="danger">Link broken</Badge> : null}
      </div>
      <div className="min-w-0">
        {/* A list of thirty milestones would prefetch every one in view, on a phone's data, while the page hydrates. */}
        <Link href={href} prefetch={false} className="text-sm leading-6 font-medium break-words hover:underline">
          {milestone.title}
        </Link>
        <p className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
          <span>
            Due <time dateTime={milestone.targetDate}>{formatDay(milestone.targetDate)}</time>
          </span>
          {milestone.evidence === "required" ? (
            <span className="inline-flex items-center gap-1">
              <Glyph name="file-check-2" className="size-3.5" />
              Evidence
            </span>
          ) : null}
          {milestone.reviewRequired ? (
            <span className="inline-flex items-center gap-1">
              <Glyph name="user-check" className="size-3.5" />
              Mentor review
            </span>
          ) : null}
          {milestone.attempts > 0 ? <span>{milestone.attempts === 1 ? "1 attempt" : `${milestone.attempts} attempts`}</span> : null}
          {milestone.effortHours ? <span>{milestone.effortHours} h</span> : null}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:justify-end">
        {event ? (
          <Button
            size="sm"
            variant={event === "complete" ? "primary" : "secondary"}
            loading={busy}
            onClick={() => onAct(event)}
            aria-label={`${ACTION_LABELS[event]}: ${milestone.title}`}
          >
            {ACTION_LABELS[event]}
          </Button>
        ) : null}
        {needsEvidence ? (
          <Button size="sm" variant={event ? "ghost" : "secondary"} asChild>
            <Link href={href} prefetch={false} aria-label={`${milestone.reviewRequired ? "Submit evidence" : "Add evidence"}: ${milestone.title}`}>
              {milestone.reviewRequired ? "Submit evidence" : "Add evidence"}
            </Link>
          </Button>
        ) : null}
      </div>
    </li>
  );
}
