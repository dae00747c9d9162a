import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Hand } from "@/components/ui/icons/hand";
import { LockKeyhole } from "@/components/ui/icons/lock-keyhole";
import { Section } from "@/components/ui/section";
import { requireViewer } from "@/lib/auth/viewer";
import { AttemptList } from "@/lib/features/progress/components/attempt-list";
import { EvidenceLink } from "@/lib/features/progress/components/evidence-link";
import { LinkHealthNote } from "@/lib/features/progress/components/link-health-note";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { ClaimButton } from "@/lib/features/reviews/components/claim-button";
import { ReapproveLink } from "@/lib/features/reviews/components/reapprove-link";
import { ReviewBar } from "@/lib/features/reviews/components/review-bar";
import { DoneWhenChecklist, ReviewDraft } from "@/lib/features/reviews/components/review-draft";
import { WaitingTime } from "@/lib/features/reviews/components/waiting-time";
import { loadReviewScreen } from "@/lib/features/reviews/loaders";
import { parseQueueFilters } from "@/lib/features/reviews/schema";
import type { ReviewScreen } from "@/lib/features/reviews/types";
import { formatMoment } from "@/lib/calendar-zones";
import type { AttemptLinkView } from "@/lib/features/progress/types";

type Props = {
  params: Promise<{ submissionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const [{ submissionId }, query] = await Promise.all([params, searchParams]);
  const filters = parseQueueFilters(query);
  return loadReviewScreen(await requireViewer(), submissionId, filters.cohort, filters.phase, filters.learner);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const screen = await load(props);
  return { title: `Review: ${screen.title} · ${screen.learnerName}` };
}

// Drawn here on the server, so the claim button ships no icon code (docs/performance.md).
const CLAIM_ICONS = { held: <LockKeyhole aria-hidden className="size-3.5" />, mine: <Hand aria-hidden className="size-3.5" /> };

/** A learner's replacement for a broken link waits here as on the queue, re-approved in one click. */
function reapprove(link: AttemptLinkView) {
  return link.replacement ? (
    <div className="pl-6">
      <ReapproveLink linkId={link.id} replacementUrl={link.replacement.url} />
    </div>
  ) : null;
}

function closedText(screen: ReviewScreen) {
  const decision = screen.attempt.decision;
  if (decision) {
    const verb = decision.decision === "approve" ? "Approved" : "Changes requested";
    return `${verb} by ${decision.reviewerName} on ${formatMoment(decision.decidedAt, screen.timezone)}.`;
  }
  if (screen.status === "withdrawn") return "The learner withdrew this attempt.";
  return null;
}

export default async function ReviewPage(props: Props) {
  const screen = await load(props);
  const pending = screen.status === "pending";
  const blockedText =
    pending && screen.claim && !screen.claim.byViewer
      ? `Claimed by ${screen.claim.name} until ${screen.claim.untilClock}: they are reviewing it. You can decide once they release it or the claim runs out.`
      : null;
  const { attempt } = screen;
  const checklist = pending && !blockedText && screen.doneWhen.length > 0;

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href={screen.queueHref} className="hover:underline">
              Review queue
            </Link>{" "}
            · {screen.cohortName} · {screen.phaseTitle ?? "Portfolio project"}
          </>
        }
        title={screen.title}
        description={`${screen.learnerName} · Attempt ${attempt.attempt}`}
        actions={
          <>
            <StatusBadge status={screen.progressStatus} />
            {pending ? (
              <ClaimButton
                submissionId={screen.submissionId}
                claim={screen.claim}
                learnerName={screen.learnerName}
                withShortcut
                icons={CLAIM_ICONS}
              />
            ) : null}
          </>
        }
      />

      <ReviewDraft key={screen.submissionId} criteria={checklist ? screen.doneWhen : []}>
        {/* Phones read top to bottom: the attempt, what it is judged against, the history, then the conversation.
            From lg up the attempt and the thread sit on the left, the criteria and earlier attempts beside them.
            EvidenceLink's screen-reader kind label is absolutely positioned inside a truncated link and can stick out
            past a long address, widening the page on phones; clipping sideways here keeps the layout (with room left
            for focus rings). */}
        <div className="relative grid gap-8 [overflow-clip-margin:0.5rem] [overflow-x:clip] lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] lg:grid-rows-[auto_1fr]">
          <Section title={`This attempt (${attempt.attempt})`} className="self-start lg:col-start-1 lg:row-start-1">
            <div className="grid gap-3 rounded-xl border border-border bg-surface p-4">
              <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
                <span className="flex flex-wrap items-center gap-2">
                  <span>
                    Submitted <time dateTime={attempt.createdAt}>{formatMoment(attempt.createdAt, screen.timezone)}</time>
                  </span>
                  {attempt.source === "ci" ? <Badge variant="info">from CI</Badge> : null}
                </span>
                {pending ? (
                  <WaitingTime
                    submittedAt={attempt.createdAt}
                    now={screen.now}
                    targetHours={screen.reviewTargetHours}
                    timezone={screen.timezone}
                  />
                ) : null}
              </div>
              <div className="grid gap-1">
                <h3 className="text-sm font-medium">Evidence</h3>
                <ul className="grid gap-1">
                  {attempt.links.map((link) => (
                    <li key={link.id} className="grid min-w-0 gap-1">
                      <EvidenceLink url={link.url} label={link.label} kind={link.kind} />
                      <LinkHealthNote link={link} timezone={screen.timezone} audience="mentor" />
                      {reapprove(link)}
                    </li>
                  ))}
                </ul>
              </div>
              <div className="grid gap-1 border-t border-border pt-3">
                <h3 className="text-sm font-medium">Learner’s note</h3>
                {attempt.note ? (
                  <Markdown compact>{attempt.note}</Markdown>
                ) : (
                  <p className="text-sm text-muted-foreground">No note with this attempt.</p>
                )}
              </div>
              {attempt.decision ? (
                <div className="grid gap-1 border-t border-border pt-3">
                  <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <Badge variant={attempt.decision.decision === "approve" ? "success" : "danger"}>
                      {attempt.decision.decision === "approve" ? "Approved" : "Changes requested"}
                    </Badge>
                    by {attempt.decision.reviewerName} ·{" "}
                    <time dateTime={attempt.decision.decidedAt}>{formatMoment(attempt.decision.decidedAt, screen.timezone)}</time>
                  </p>
                  {attempt.decision.comment ? <Markdown compact>{attempt.decision.comment}</Markdown> : null}
                </div>
              ) : null}
            </div>
          </Section>
          <Section title="Done when" className="self-start lg:col-start-2 lg:row-start-1">
            {checklist ? (
              <DoneWhenChecklist labels={screen.doneWhen.map((criterion, index) => <Markdown key={index}>{criterion}</Markdown>)} />
            ) : screen.doneWhen.length > 0 ? (
              <ul className="grid list-disc gap-1 pl-5 text-sm">
                {screen.doneWhen.map((criterion) => (
                  <li key={criterion}>
                    <Markdown>{criterion}</Markdown>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">This {screen.kind} lists no acceptance criteria.</p>
            )}
            {screen.description ? (
              <details className="rounded-lg border border-border bg-surface p-3 text-sm">
                <summary className="cursor-pointer font-medium">About this {screen.kind}</summary>
                <Markdown className="mt-2">{screen.description}</Markdown>
              </details>
            ) : null}
          </Section>
          <Section title="Earlier attempts" className="self-start lg:col-start-2 lg:row-start-2">
            {screen.earlier.length === 0 ? (
              <p className="text-sm text-muted-foreground">This is the first attempt.</p>
            ) : (
              <AttemptList attempts={screen.earlier} timezone={screen.timezone} audience="mentor" linkAction={reapprove} />
            )}
          </Section>
          <Section title="Conversation" className="self-start lg:col-start-1 lg:row-start-2">
            {screen.thread.length === 0 ? (
              <p className="text-sm text-muted-foreground">No messages about this milestone yet.</p>
            ) : (
              <ol className="grid gap-3">
                {screen.thread.map((comment) => (
                  <li key={comment.id} className="grid gap-1 rounded-lg border border-border p-3">
                    <p className="text-xs text-muted-foreground">
                      <span className="font-medium text-foreground">{comment.authorName}</span>
                      {comment.byLearner ? " (learner)" : ""} ·{" "}
                      <time dateTime={comment.createdAt}>{formatMoment(comment.createdAt, screen.timezone)}</time>
                    </p>
                    <Markdown compact>{comment.body}</Markdown>
                  </li>
                ))}
              </ol>
            )}
            <p className="text-xs text-muted-foreground">Write to {screen.learnerName} in the comment box at the bottom: what you send without a decision appears here.</p>
          </Section>
        </div>

        <ReviewBar
          submissionId={screen.submissionId}
          pending={pending}
          closedText={closedText(screen)}
          blockedText={blockedText}
          nextHref={screen.nextHref}
          learnerName={screen.learnerName}
          savedReplies={screen.savedReplies}
        />
      </ReviewDraft>
    </>
  );
}
