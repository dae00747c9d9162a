import { ExternalLink } from "@/components/ui/icons/external-link";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { PortfolioSettings } from "@/lib/features/portfolio/components/portfolio-settings";
import { loadPortfolio } from "@/lib/features/portfolio/loaders";
import { DemonstratedMilestones } from "@/lib/features/progress/components/demonstrated-milestones";
import { EvidenceLink } from "@/lib/features/progress/components/evidence-link";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { requireLearnerArea } from "@/lib/features/users/loaders";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<{ cohort?: string }> }) {
  const viewer = await requireViewer();
  await requireLearnerArea(viewer);
  const { cohort } = await searchParams;
  const portfolio = await loadPortfolio(viewer, cohort);
  const cohortQuery = cohort ? `?cohort=${portfolio.cohortId}` : "";
  return (
    <>
      <PageHeader
        eyebrow={portfolio.cohortName}
        title="Portfolio"
        description="Five projects that prove the roadmap's skills. Work them like milestones: evidence, then a mentor's review."
        actions={
          portfolio.isPublic && portfolio.handle ? (
            <Link href={`/p/${portfolio.handle}`} className="inline-flex items-center gap-1 text-sm text-accent hover:underline">
              View public page
              <ExternalLink aria-hidden className="size-4" />
            </Link>
          ) : null
        }
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ol className="grid content-start gap-4">
          {portfolio.projects.map((project, index) => (
            <li key={project.key}>
              <Card>
                <CardHeader layout="row" className="gap-2">
                  <CardTitle>
                    <Link href={`/roadmap/${project.key}${cohortQuery}`} className="hover:underline">
                      {index + 1}. {project.title}
                    </Link>
                  </CardTitle>
                  <StatusBadge status={project.status} />
                </CardHeader>
                <CardContent className="grid gap-3">
                  {project.description ? <p className="text-sm text-muted-foreground">{project.description}</p> : null}
                  {project.evidence.length > 0 ? (
                    <ul className="grid gap-1" aria-label="Latest evidence">
                      {project.evidence.map((link) => (
                        <li key={link.url}>
                          <EvidenceLink url={link.url} label={link.label ?? undefined} kind={link.kind} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-muted-foreground">No evidence yet.</p>
                  )}
                  {project.demonstrates.length > 0 ? (
                    <div className="grid gap-1">
                      <p className="text-xs font-medium text-muted-foreground">Demonstrates</p>
                      <DemonstratedMilestones milestones={project.demonstrates} cohortQuery={cohortQuery} compact />
                    </div>
                  ) : null}
                </CardContent>
              </Card>
            </li>
          ))}
        </ol>
        <Card className="self-start">
          <CardHeader>
            <CardTitle>Public page</CardTitle>
          </CardHeader>
          <CardContent>
            <PortfolioSettings handle={portfolio.handle} isPublic={portfolio.isPublic} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
