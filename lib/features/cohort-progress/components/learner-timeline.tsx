import { CalendarCheck } from "@/components/ui/icons/calendar-check";
import { CircleCheck } from "@/components/ui/icons/circle-check";
import { CirclePlay } from "@/components/ui/icons/circle-play";
import { MessageSquare } from "@/components/ui/icons/message-square";
import { RotateCcw } from "@/components/ui/icons/rotate-ccw";
import { Send } from "@/components/ui/icons/send";
import { ThumbsUp } from "@/components/ui/icons/thumbs-up";
import Link from "next/link";
import type { ComponentType, SVGProps } from "react";
import { Markdown } from "@/components/markdown";
import { cn } from "@/lib/cn";
import { TIMELINE_VISIBLE } from "@/lib/features/cohort-progress/constants";
import type { TimelineEvent } from "@/lib/features/cohort-progress/types";
import { formatWeekRange } from "@/lib/calendar";
import { formatMoment } from "@/lib/calendar-zones";

type Icon = ComponentType<SVGProps<SVGSVGElement>>;

function eventText(event: TimelineEvent, learnerName: string): { icon: Icon; tone: string; text: string } {
  const item = `“${event.itemTitle ?? event.itemKey ?? ""}”`;
  const week = event.weekStart ? `the week of ${formatWeekRange(event.weekStart)}` : "a week";
  const who = event.byLearner ? learnerName : (event.actorName ?? "Someone");
  switch (event.kind) {
    case "started":
      return { icon: CirclePlay, tone: "text-status-info-fg", text: `Started ${item}` };
    case "completed":
      return { icon: CircleCheck, tone: "text-status-success-fg", text: `Marked ${item} done` };
    case "attempt":
      return {
        icon: Send,
        tone: "text-status-warning-fg",
        text: `Submitted attempt ${event.attempt} for ${item}${event.submissionStatus === "withdrawn" ? " (withdrawn later)" : ""}`,
      };
    case "decision":
      return event.decision === "approve"
        ? { icon: ThumbsUp, tone: "text-status-success-fg", text: `${who} approved attempt ${event.attempt} of ${item}` }
        : { icon: RotateCcw, tone: "text-status-danger-fg", text: `${who} requested changes on attempt ${event.attempt} of ${item}` };
    case "comment":
      return { icon: MessageSquare, tone: "text-muted-foreground", text: `${who} commented on ${item}` };
    case "checkin_planned":
      return { icon: CalendarCheck, tone: "text-muted-foreground", text: `Planned ${week}` };
    case "checkin_closed":
      return { icon: CalendarCheck, tone: "text-status-success-fg", text: `Closed out ${week}` };
    case "checkin_comment":
      return { icon: MessageSquare, tone: "text-muted-foreground", text: `${who} commented on the check-in for ${week}` };
  }
}

/** What the learner and their mentors did, newest first, on the cohort's clock. */
export function LearnerTimeline({
  events,
  learnerName,
  timezone,
  limited,
}: {
  events: TimelineEvent[];
  learnerName: string;
  timezone: string;
  /** The list stops at the newest events; older ones are in the CSV exports. */
  limited: boolean;
}) {
  if (events.length === 0) return <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>;
  const item = (event: TimelineEvent) => {
    const { icon: EventIcon, tone, text } = eventText(event, learnerName);
    return (
      <li key={event.id} className="grid grid-cols-[1.25rem_minmax(0,1fr)] gap-x-2 text-sm" data-kind={event.kind}>
        <EventIcon aria-hidden className={cn("mt-0.5 size-4", tone)} />
        <div className="grid min-w-0 gap-0.5">
          <p className="break-words">
            {text}
            {event.kind === "attempt" && event.submissionStatus === "pending" && event.submissionId ? (
              <>
                {" · "}
                <Link href={`/reviews/${event.submissionId}`} className="text-accent underline underline-offset-2">
                  Review it
                </Link>
              </>
            ) : null}
          </p>
          <p className="text-xs text-muted-foreground">
            <time dateTime={event.at}>{formatMoment(event.at, timezone)}</time>
          </p>
          {event.excerpt ? (
            // The first lines of what was written, rendered as the thread shows it; a longer text is cut, not scrolled.
            <div className="max-h-16 overflow-hidden border-l-2 border-border pl-2 text-muted-foreground">
              <Markdown compact>{event.excerpt}</Markdown>
            </div>
          ) : null}
        </div>
      </li>
    );
  };
  const recent = events.slice(0, TIMELINE_VISIBLE);
  const older = events.slice(TIMELINE_VISIBLE);
  return (
    <div className="grid gap-3">
      <ol className="grid gap-3">{recent.map(item)}</ol>
      {older.length > 0 ? (
        <details className="group grid gap-3">
          <summary className="cursor-pointer text-sm font-medium text-accent hover:underline">
            <span className="group-open:hidden">Show {older.length} older events</span>
            <span className="hidden group-open:inline">Older events</span>
          </summary>
          <ol className="mt-3 grid gap-3">{older.map(item)}</ol>
        </details>
      ) : null}
      {limited ? <p className="text-xs text-muted-foreground">Older events are in the cohort&rsquo;s CSV exports.</p> : null}
    </div>
  );
}
