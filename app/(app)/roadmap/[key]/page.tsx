import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { PageHeader } from "@/components/layout/page-header";
import { FoldSection } from "@/components/ui/fold-section";
import { SafeLink } from "@/components/ui/safe-link";
import { Section } from "@/components/ui/section";
import { requireViewer } from "@/lib/auth/viewer";
import { AttemptHistory } from "@/lib/features/progress/components/attempt-history";
import { ChangesRequested } from "@/lib/features/progress/components/changes-requested";
import { DemonstratedMilestones } from "@/lib/features/progress/components/demonstrated-milestones";
import { EvidenceForm } from "@/lib/features/progress/components/evidence-form";
import { PrivateNotes } from "@/lib/features/progress/components/private-notes";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { ThreadForm } from "@/lib/features/progress/components/thread-form";
import { loadLearnerItem } from "@/lib/features/progress/loaders";
import { requireLearnerArea } from "@/lib/features/users/loaders";
import { formatDay } from "@/lib/calendar";
import { formatMoment } from "@/lib/calendar-zones";

/** A history this short stays open on a phone too; a longer one folds like the conversation. */
const ATTEMPTS_SHOWN_OPEN = 2;

type Props = { params: Promise<{ key: string }>; searchParams: Promise<{ cohort?: string }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ key }, { cohort }] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  await requireLearnerArea(viewer);
  const item = await loadLearnerItem(viewer, key, cohort);
  return { title: item.title };
}

export default async function MilestonePage({ params, searchParams }: Props) {
  const [{ key }, { cohort }] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  await requireLearnerArea(viewer);
  const item = await loadLearnerItem(viewer, key, cohort);
  const cohortQuery = cohort ? `?cohort=${item.cohortId}` : "";
  const pending = item.attempts.find((attempt) => attempt.status === "pending");
  const canSubmit = item.evidence !== "none" && item.status !== "approved" && !pending;
  // Attempts come newest first: changes requested on the latest one are what the learner answers next.
  const latest = item.attempts[0];
  const requested = item.status === "changes_requested" && latest?.decision?.decision === "request_changes" ? latest : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/${item.kind === "project" ? "portfolio" : "roadmap"}${cohortQuery}`} className="hover:underline">
            {item.kind === "project" ? "Portfolio" : (item.phaseTitle ?? "Roadmap")}
          </Link>
        }
        title={item.title}
        actions={<StatusBadge status={item.status} />}
      />
      {requested?.decision ? (
        <ChangesRequested attempt={requested.attempt} decision={requested.decision} timezone={item.timezone} resubmit={canSubmit} />
      ) : null}
      {/* On a phone the milestone itself comes first, then the forms; side by side from lg. The milestone sits on a
          card, as the attempt does on the review screen, so a short one reads as a panel rather than a gap. */}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <div className="grid content-start gap-6 self-start rounded-xl border border-border bg-surface p-4 sm:p-5">
          {item.targetDate ? (
            <p className="text-sm text-muted-foreground">
              Target <time dateTime={item.targetDate}>{formatDay(item.targetDate)}</time>
              {item.effortHours ? ` · about ${item.effortHours} hours` : ""}
            </p>
          ) : null}
          {item.description ? <Markdown>{item.description}</Markdown> : null}
          {item.doneWhen.length > 0 ? (
            <Section title="Done when">
              <ul className="grid list-disc gap-1 pl-5 text-sm">
                {item.doneWhen.map((criterion) => (
                  <li key={criterion}>
                    <Markdown>{criterion}</Markdown>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {item.demonstrates.length > 0 ? (
            <Section title="Demonstrates">
              <DemonstratedMilestones milestones={item.demonstrates} cohortQuery={cohortQuery} />
            </Section>
          ) : null}
          {item.resources.length > 0 ? (
            <Section title="Resources">
              <ul className="grid gap-1 text-sm">
                {item.resources.map((resource) => (
                  <li key={resource.url}>
                    <SafeLink href={resource.url} className="text-accent hover:underline">
                      {resource.label}
                    </SafeLink>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </div>

        <div className="grid content-start gap-8">
          {canSubmit ? (
            <Section title={requested ? "Edit and resubmit" : item.reviewRequired ? "Submit for review" : "Add evidence"}>
              <EvidenceForm
                cohortId={item.cohortId}
                itemKey={item.key}
                reviewRequired={item.reviewRequired}
                previous={requested ? { links: requested.links, note: requested.note } : undefined}
              />
            </Section>
          ) : item.evidence === "none" ? (
            <p className="text-sm text-muted-foreground">This milestone takes no evidence: mark it done from the roadmap.</p>
          ) : null}
          {/* Below lg these fold to one line each, so a phone reaches the end of the page (decision 053). */}
          {item.attempts.length > ATTEMPTS_SHOWN_OPEN ? (
            <FoldSection title="Attempts" summary={`Attempts (${item.attempts.length})`}>
              <AttemptHistory attempts={item.attempts} cohortId={item.cohortId} timezone={item.timezone} />
            </FoldSection>
          ) : (
            <Section title="Attempts">
              <AttemptHistory attempts={item.attempts} cohortId={item.cohortId} timezone={item.timezone} />
            </Section>
          )}
          <FoldSection title="Conversation" summary={`Conversation (${item.thread.length})`}>
            {item.thread.length === 0 ? (
              <p className="text-sm text-muted-foreground">No messages yet. Ask your mentors anything about this milestone.</p>
            ) : (
              <ol className="grid gap-3">
                {item.thread.map((comment) => (
                  <li key={comment.id} className="grid gap-1 rounded-lg border border-border p-3">
                    <p className="text-xs text-muted-foreground">
                      <span className="font-medium text-foreground">{comment.byLearner ? "You" : comment.authorName}</span> ·{" "}
                      <time dateTime={comment.createdAt}>{formatMoment(comment.createdAt, item.timezone)}</time>
                    </p>
                    <Markdown compact>{comment.body}</Markdown>
                  </li>
                ))}
              </ol>
            )}
            <ThreadForm cohortId={item.cohortId} itemKey={item.key} />
          </FoldSection>
          <FoldSection title="Private notes" summary={item.notes.length > 0 ? `Private notes (${item.notes.length})` : "Private notes"}>
            <PrivateNotes cohortId={item.cohortId} itemKey={item.key} notes={item.notes} />
          </FoldSection>
        </div>
      </div>
    </>
  );
}
