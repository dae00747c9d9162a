import { CalendarDays } from "@/components/ui/icons/calendar-days";
import { Flame } from "@/components/ui/icons/flame";
import { MessageSquare } from "@/components/ui/icons/message-square";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CommentForm } from "@/lib/features/checkins/components/comment-form";
import { ReopenButton } from "@/lib/features/checkins/components/reopen-button";
import { RuleBadge, RuleDetail } from "@/lib/features/checkins/components/rule-badge";
import { WeekEditor } from "@/lib/features/checkins/components/week-editor";
import { CLOSE_OUT_LABELS, CLOSE_OUT_TEXT_FIELDS } from "@/lib/features/checkins/constants";
import type { CheckinRecord, CheckinsPage, CheckinWeek } from "@/lib/features/checkins/types";
import { addDays, type Day, formatDay, formatWeekRange } from "@/lib/calendar";
import { formatMoment } from "@/lib/calendar-zones";

function hours(value: number | null) {
  return value === null ? "—" : `${value} h`;
}

/** Last day a week can still be changed: the Sunday after it (see canEditCheckinWeek). */
function editableUntil(weekStart: Day) {
  return formatDay(addDays(weekStart, 13));
}

function hasCloseOut(checkin: CheckinRecord | null) {
  return Boolean(checkin && (checkin.actualHours !== null || CLOSE_OUT_TEXT_FIELDS.some((field) => checkin.closeOut[field] !== "")));
}

/** The big number of the page: consecutive weeks meeting the rule. */
export function StreakSummary({ page }: { page: CheckinsPage }) {
  return (
    <div className="flex items-center gap-3 rounded-lg border border-border bg-surface px-3 py-2 shadow-xs" data-streak={page.streak}>
      <Flame aria-hidden className="size-5 shrink-0 text-accent" />
      <div className="grid">
        <p className="text-sm font-medium">
          <span className="text-2xl leading-7 font-semibold tabular-nums">{page.streak}</span>-week streak
        </p>
        <p className="text-xs text-muted-foreground tabular-nums">
          {page.weeksMet} of {page.weeksPast} past {page.weeksPast === 1 ? "week" : "weeks"} met the rule
        </p>
      </div>
    </div>
  );
}

function RuleGuidance({ items }: { items: string[] }) {
  return (
    <div className="grid gap-2 rounded-lg border border-border bg-surface-muted p-3 text-sm">
      <h4 className="font-semibold">Weekly rule</h4>
      {items.length > 0 ? (
        <ul className="grid gap-1">
          {items.map((item) => (
            <li key={item} className="flex gap-2 leading-5">
              <span aria-hidden className="mt-2 size-1 shrink-0 rounded-full bg-muted-foreground" />
              <span>{item}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs leading-5 text-muted-foreground">
        A week meets the rule when you submit evidence or complete a milestone during it; your close-out shows which of
        its five parts (learn, build, test, document, review) the week covered.
      </p>
    </div>
  );
}

function PlanSummary({ checkin, withHours = false }: { checkin: CheckinRecord; withHours?: boolean }) {
  return (
    <div className="grid gap-1 text-sm">
      <p className="text-xs font-semibold text-muted-foreground">
        Plan{withHours && checkin.plannedHours !== null ? ` · ${checkin.plannedHours} h` : ""}
      </p>
      {checkin.plannedMilestones.length > 0 ? (
        <ul className="grid gap-0.5">
          {checkin.plannedMilestones.map((milestone) => (
            <li key={milestone.key} className="flex gap-2 leading-5">
              <span aria-hidden className="mt-2 size-1 shrink-0 rounded-full bg-muted-foreground" />
              <span className="min-w-0 break-words">{milestone.title}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground">No milestones planned.</p>
      )}
    </div>
  );
}

function WeekSummary({ checkin, timezone }: { checkin: CheckinRecord; timezone: string }) {
  const notes = CLOSE_OUT_TEXT_FIELDS.filter((field) => checkin.closeOut[field].trim() !== "");
  return (
    <div className="grid gap-3 text-sm">
      <PlanSummary checkin={checkin} />
      {notes.length > 0 ? (
        <dl className="grid gap-x-4 gap-y-1.5 sm:grid-cols-[7rem_minmax(0,1fr)]">
          {notes.map((field) => (
            <div key={field} className="contents">
              <dt className="text-xs leading-5 font-semibold text-muted-foreground">{CLOSE_OUT_LABELS[field]}</dt>
              <dd className="leading-5 break-words whitespace-pre-line">{checkin.closeOut[field]}</dd>
            </div>
          ))}
        </dl>
      ) : checkin.closedAt ? (
        <p className="text-muted-foreground">Closed out without notes.</p>
      ) : null}
      {checkin.closedAt ? (
        <p className="text-xs text-muted-foreground">
          Closed out <time dateTime={checkin.closedAt}>{formatMoment(checkin.closedAt, timezone)}</time>
        </p>
      ) : null}
    </div>
  );
}

function Comments({ checkin, timezone, canReply }: { checkin: CheckinRecord; timezone: string; canReply: boolean }) {
  const headingId = `comments-${checkin.id}`;
  if (checkin.comments.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="grid gap-2 border-t border-border pt-3">
      <h4 id={headingId} className="flex items-center gap-1.5 text-xs font-semibold text-muted-foreground">
        <MessageSquare aria-hidden className="size-3.5" />
        Comments
      </h4>
      <ol className="grid gap-2.5">
        {checkin.comments.map((comment) => (
          <li key={comment.id} className="grid gap-0.5 text-sm">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
              <span className="font-medium text-foreground">{comment.mine ? "You" : comment.authorName}</span>
              {comment.authorRole === "mentor" ? <Badge variant="outline">Mentor</Badge> : null}
              <time dateTime={comment.createdAt}>{formatMoment(comment.createdAt, timezone)}</time>
            </p>
            <p className="leading-5 break-words whitespace-pre-line">{comment.body}</p>
          </li>
        ))}
      </ol>
      {canReply ? <CommentForm checkinId={checkin.id} className="max-w-2xl" /> : null}
    </section>
  );
}

function WeekCard({
  title,
  note,
  week,
  page,
  running,
  planning,
}: {
  title: string;
  note?: ReactNode;
  week: CheckinWeek;
  page: CheckinsPage;
  running: boolean;
  planning: boolean;
}) {
  const headingId = `week-${week.weekStart}`;
  const { checkin } = week;
  const closed = Boolean(checkin?.closedAt);
  return (
    <section aria-labelledby={headingId} data-week={week.weekStart}>
      <Card>
        <CardHeader layout="row" className="gap-x-4 gap-y-2">
          <div className="grid gap-0.5">
            <CardTitle id={headingId}>{title}</CardTitle>
            <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
              <CalendarDays aria-hidden className="size-4 shrink-0" />
              <time dateTime={week.weekStart}>{formatWeekRange(week.weekStart)}</time>
            </p>
            {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
          </div>
          <div className="grid justify-items-start gap-1 sm:justify-items-end">
            <RuleBadge rule={week.rule} running={running} />
            <p className="text-xs text-muted-foreground">
              <RuleDetail rule={week.rule} running={running} />
            </p>
          </div>
        </CardHeader>
        <CardContent className="grid gap-4">
          {closed && checkin ? (
            <>
              <p className="text-sm text-muted-foreground tabular-nums">
                Planned {hours(checkin.plannedHours)} · Actual {hours(checkin.actualHours)}
              </p>
              <WeekSummary checkin={checkin} timezone={page.timezone} />
              {week.editable ? (
                <div className="flex flex-wrap items-center gap-3">
                  <ReopenButton checkinId={checkin.id} lockVersion={checkin.lockVersion} />
                  <p className="text-xs text-muted-foreground">
                    You can reopen and edit it until {editableUntil(week.weekStart)}.
                  </p>
                </div>
              ) : null}
            </>
          ) : (
            <>
              {/* A past week is only closed out here; its plan is shown, not edited. */}
              {!planning && checkin ? <PlanSummary checkin={checkin} withHours /> : null}
              <WeekEditor
                cohortId={page.cohortId}
                weekStart={week.weekStart}
                lockVersion={checkin?.lockVersion ?? null}
                plannedKeys={checkin?.plannedKeys ?? []}
                plannedHours={checkin?.plannedHours ?? null}
                plannable={planning ? page.plannable : null}
                closeOut={{
                  ...(checkin?.closeOut ?? {
                    learned: "",
                    built: "",
                    tested: "",
                    documented: "",
                    reviewed: "",
                    blockers: "",
                    reflection: "",
                  }),
                  actualHours: checkin?.actualHours ?? null,
                }}
                guidance={<RuleGuidance items={page.weeklyRule} />}
                foldCloseOut={running && !hasCloseOut(checkin)}
              />
            </>
          )}
          {checkin ? <Comments checkin={checkin} timezone={page.timezone} canReply /> : null}
        </CardContent>
      </Card>
    </section>
  );
}

function HistoryWeek({ week, page }: { week: CheckinWeek; page: CheckinsPage }) {
  const headingId = `history-${week.weekStart}`;
  const { checkin } = week;
  const state = !checkin ? "No check-in" : checkin.closedAt ? "Closed out" : "Not closed out";
  return (
    <li>
      <article aria-labelledby={headingId} data-week={week.weekStart} className="grid gap-3 px-4 py-4 sm:px-5">
        <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1.5">
          <div className="grid gap-0.5">
            <h3 id={headingId} className="text-sm font-semibold">
              <time dateTime={week.weekStart}>{formatWeekRange(week.weekStart)}</time>
            </h3>
            <p className="text-xs text-muted-foreground tabular-nums">
              {state}
              {checkin ? ` · Planned ${hours(checkin.plannedHours)} · Actual ${hours(checkin.actualHours)}` : null}
            </p>
          </div>
          <div className="grid justify-items-start gap-1 sm:justify-items-end">
            <RuleBadge rule={week.rule} />
            <p className="text-xs text-muted-foreground">
              <RuleDetail rule={week.rule} />
            </p>
          </div>
        </header>
        {checkin ? <WeekSummary checkin={checkin} timezone={page.timezone} /> : null}
        {checkin ? <Comments checkin={checkin} timezone={page.timezone} canReply /> : null}
        {checkin?.closedAt && week.editable ? (
          <div className="flex flex-wrap items-center gap-3">
            <ReopenButton checkinId={checkin.id} lockVersion={checkin.lockVersion} />
            <p className="text-xs text-muted-foreground">Editable until {editableUntil(week.weekStart)}.</p>
          </div>
        ) : null}
      </article>
    </li>
  );
}

export function CheckinsView({ page }: { page: CheckinsPage }) {
  const startsLater = page.firstWeek > page.thisWeek.weekStart;
  return (
    <div className="grid gap-6">
      {/* An open last week comes first: its close-out is the one thing with a deadline. */}
      {page.lastWeek ? (
        <WeekCard
          title="Last week"
          note={`Not closed out yet — you can close it out until ${editableUntil(page.lastWeek.weekStart)}.`}
          week={page.lastWeek}
          page={page}
          running={false}
          planning={false}
        />
      ) : null}
      <WeekCard title="This week" week={page.thisWeek} page={page} running planning />
      <section aria-labelledby="checkin-history" className="grid gap-3">
        <h2 id="checkin-history" className="text-base font-semibold">
          History
        </h2>
        {page.history.length > 0 ? (
          <Card>
            <ol className="divide-y divide-border">
              {page.history.map((week) => (
                <HistoryWeek key={week.weekStart} week={week} page={page} />
              ))}
            </ol>
          </Card>
        ) : (
          <EmptyState
            icon={CalendarDays}
            headingLevel="h3"
            title={startsLater ? "Your first week is still ahead" : "No past weeks yet"}
            text={
              startsLater
                ? `Your roadmap starts on ${formatDay(page.firstWeek)}. You can plan already.`
                : "Each finished week shows up here with its plan, close-out, hours and whether it met the weekly rule."
            }
          />
        )}
      </section>
    </div>
  );
}
