import { Badge } from "@/components/ui/badge";
import { RuleBadge, RuleDetail } from "@/lib/features/checkins/components/rule-badge";
import { formatWeekRange } from "@/lib/calendar";
import { formatMoment } from "@/lib/calendar-zones";
import { CommentForm } from "@/lib/features/checkins/components/comment-form";
import { CHECKIN_WEEKS_VISIBLE } from "@/lib/features/cohort-progress/constants";
import type { LearnerDetail, MentorCheckinWeek } from "@/lib/features/cohort-progress/types";

const hours = (value: number | null) => (value === null ? "—" : `${value} h`);

function Week({ week, timezone, canComment }: { week: MentorCheckinWeek; timezone: string; canComment: boolean }) {
  const { checkin } = week;
  const range = formatWeekRange(week.weekStart);
  const headingId = `week-${week.weekStart}`;
  return (
    <li className="grid gap-3 rounded-lg border border-border bg-surface p-3 sm:p-4" aria-labelledby={headingId} data-week={week.weekStart}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-0.5">
          <h3 id={headingId} className="text-sm font-semibold">
            <time dateTime={week.weekStart}>{range}</time>
          </h3>
          <p className="text-xs text-muted-foreground">
            {checkin
              ? checkin.closedAt
                ? `Closed out ${formatMoment(checkin.closedAt, timezone)} · planned ${hours(checkin.plannedHours)}, spent ${hours(checkin.actualHours)}`
                : `Planned ${hours(checkin.plannedHours)} · not closed out yet`
              : "No check-in"}
          </p>
        </div>
        <div className="grid justify-items-start gap-0.5 sm:justify-items-end">
          <RuleBadge rule={week.rule} running={week.running} />
          <p className="text-xs text-muted-foreground">
            <RuleDetail rule={week.rule} running={week.running} />
          </p>
        </div>
      </div>
      {checkin ? (
        <>
          {checkin.plannedMilestones.length > 0 ? (
            <div className="grid gap-1 text-sm">
              <p className="text-xs font-semibold text-muted-foreground">Plan</p>
              <ul className="grid list-disc gap-0.5 pl-5">
                {checkin.plannedMilestones.map((milestone) => (
                  <li key={milestone.key} className="break-words">
                    {milestone.title}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {checkin.closeOut.length > 0 ? (
            <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[7rem_minmax(0,1fr)]">
              {checkin.closeOut.map((entry) => (
                <div key={entry.label} className="contents">
                  <dt className="text-xs leading-5 font-semibold text-muted-foreground">{entry.label}</dt>
                  <dd className="leading-5 break-words whitespace-pre-line">{entry.text}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {checkin.comments.length > 0 ? (
            <ol className="grid gap-2 border-t border-border pt-3">
              {checkin.comments.map((comment) => (
                <li key={comment.id} className="grid gap-0.5 text-sm">
                  <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
                    <span className="font-medium text-foreground">{comment.authorName}</span>
                    {comment.byLearner ? <Badge variant="outline">Learner</Badge> : <Badge variant="outline">Mentor</Badge>}
                    <time dateTime={comment.createdAt}>{formatMoment(comment.createdAt, timezone)}</time>
                  </p>
                  <p className="leading-5 break-words whitespace-pre-line">{comment.body}</p>
                </li>
              ))}
            </ol>
          ) : null}
          {canComment ? (
            <details className="group" open={checkin.comments.length > 0 || undefined}>
              <summary className="cursor-pointer text-sm font-medium text-accent hover:underline">
                {checkin.comments.length > 0 ? "Reply" : "Comment on this week"}
              </summary>
              <div className="mt-2">
                <CommentForm
                  checkinId={checkin.id}
                  label={`Comment on the week of ${range}`}
                  submitLabel="Post comment"
                  successMessage="Comment posted"
                />
              </div>
            </details>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/** The learner's weeks, newest first: the weekly rule, their plan and close-out, and the conversation. */
export function LearnerCheckins({ detail }: { detail: LearnerDetail }) {
  const { checkins, cohort, canComment } = detail;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground tabular-nums">
        {checkins.streak}-week streak · {checkins.weeksMet} of {checkins.weeksPast} past{" "}
        {checkins.weeksPast === 1 ? "week" : "weeks"} met the weekly rule
        {canComment ? "" : " · mentors of this cohort comment here"}
      </p>
      <ol className="grid gap-3">
        {checkins.weeks.slice(0, CHECKIN_WEEKS_VISIBLE).map((week) => (
          <Week key={week.weekStart} week={week} timezone={cohort.timezone} canComment={canComment} />
        ))}
      </ol>
      {checkins.weeks.length > CHECKIN_WEEKS_VISIBLE ? (
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium text-accent hover:underline">
            <span className="group-open:hidden">Show {checkins.weeks.length - CHECKIN_WEEKS_VISIBLE} older weeks</span>
            <span className="hidden group-open:inline">Older weeks</span>
          </summary>
          <ol className="mt-3 grid gap-3">
            {checkins.weeks.slice(CHECKIN_WEEKS_VISIBLE).map((week) => (
              <Week key={week.weekStart} week={week} timezone={cohort.timezone} canComment={canComment} />
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
