import { BadgeCheck } from "@/components/ui/icons/badge-check";
import { GitCommitHorizontal } from "@/components/ui/icons/git-commit-horizontal";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { loadPublicPortfolio } from "@/lib/features/portfolio/loaders";
import { HANDLE_PATTERN } from "@/lib/features/portfolio/schema";
import { EvidenceLink } from "@/lib/features/progress/components/evidence-link";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";

type Props = { params: Promise<{ handle: string }> };

/** Only a handle Cairn could have issued names the tab: whatever else the address holds is not repeated back. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  return { title: HANDLE_PATTERN.test(handle) ? `@${handle} — portfolio` : "Portfolio", robots: { index: false } };
}

// Public: no session, no app shell, nothing about the person beyond their chosen handle.
export default async function PublicPortfolioPage({ params }: Props) {
  const { handle } = await params;
  const portfolio = await loadPublicPortfolio(handle);
  return (
    <main id="main" className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-10">
      <header className="grid gap-1">
        <p className="text-sm text-muted-foreground">Cairn portfolio</p>
        <h1 className="text-2xl font-semibold tracking-tight">@{portfolio.handle}</h1>
        <p className="text-sm text-muted-foreground">Evidence approved by mentors, newest first.</p>
      </header>
      {portfolio.items.length === 0 ? (
        <EmptyState title="No approved evidence yet" text="Approved projects and milestones will appear here." />
      ) : (
        <ol className="grid gap-4">
          {portfolio.items.map((item, index) => (
            <li key={`${item.title}-${index}`} className="grid gap-3 rounded-xl border border-border bg-surface p-4">
              <div className="grid gap-1">
                <h2 className="font-semibold break-words">{item.title}</h2>
                <p className="inline-flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
                  <BadgeCheck aria-hidden className="size-3.5 text-status-success-fg" />
                  {item.kind === "project" ? "Project" : "Milestone"} approved by {item.approvedBy} on{" "}
                  <time dateTime={item.approvedAt}>{formatDay(dayIn(new Date(item.approvedAt), "UTC"))}</time>
                </p>
              </div>
              <ul className="grid gap-1">
                {item.links.map((link) => (
                  <li key={link.url} className="grid gap-0.5">
                    <EvidenceLink url={link.url} label={link.label ?? undefined} kind={link.kind} />
                    {link.commit ? (
                      <span className="inline-flex items-center gap-1 pl-6 font-mono text-xs text-muted-foreground">
                        <GitCommitHorizontal aria-hidden className="size-3.5" />
                        commit {link.commit.slice(0, 12)}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
