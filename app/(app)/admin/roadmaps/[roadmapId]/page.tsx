import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/viewer";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { ArchiveRoadmapButton } from "@/lib/features/roadmaps/components/archive-roadmap-button";
import { NewDraftButton } from "@/lib/features/roadmaps/components/new-draft-button";
import { loadRoadmapOverview } from "@/lib/features/roadmaps/loaders";
import { describeChanges } from "@/lib/features/roadmaps/utils";
import { ExportMenu } from "@/lib/features/roadmaps/components/export-menu";

export const metadata: Metadata = { title: "Roadmap" };

const STATUS = { draft: { label: "Draft", variant: "warning" }, published: { label: "Published", variant: "success" }, retired: { label: "Retired", variant: "neutral" } } as const;

export default async function RoadmapPage({ params }: { params: Promise<{ roadmapId: string }> }) {
  const { roadmapId } = await params;
  const roadmap = await loadRoadmapOverview(await requireAdmin(), roadmapId);
  const next = roadmap.draftNumber ? (
    <Button asChild>
      <Link href={`/admin/roadmaps/${roadmap.id}/versions/${roadmap.draftNumber}`}>Open draft version {roadmap.draftNumber}</Link>
    </Button>
  ) : (
    <NewDraftButton roadmapId={roadmap.id} />
  );
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin/roadmaps" className="hover:underline">Roadmaps</Link>}
        title={
          <>
            {roadmap.name} {roadmap.archived ? <Badge variant="outline">Archived</Badge> : null}
          </>
        }
        description={<span className="font-mono">{roadmap.slug}</span>}
        actions={
          <>
            <ArchiveRoadmapButton roadmapId={roadmap.id} archived={roadmap.archived} />
            {next}
          </>
        }
      />
      <Section id="versions-heading" title="Versions">
        <Table columns={["Version", "Status", "Published", "Changes", { label: "Cohorts", textAlign: "right" }, { label: "Export", hidden: true }]}>
          <TBody>
            {roadmap.versions.map((version) => (
              <TR key={version.id}>
                <TD>
                  <Link href={`/admin/roadmaps/${roadmap.id}/versions/${version.number}`} className="font-medium text-accent hover:underline">
                    Version {version.number}
                  </Link>
                  {version.title !== roadmap.name ? <div className="text-xs text-muted-foreground">{version.title}</div> : null}
                </TD>
                <TD>
                  <Badge variant={STATUS[version.status].variant}>{STATUS[version.status].label}</Badge>
                </TD>
                <TD className="text-sm">
                  {version.publishedAt ? (
                    <>
                      {formatDay(dayIn(new Date(version.publishedAt), "UTC"))}
                      {version.publishedBy ? <span className="text-muted-foreground"> by {version.publishedBy}</span> : null}
                    </>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TD>
                <TD className="text-sm text-muted-foreground">{version.changeSummary ? describeChanges(version.changeSummary) : "—"}</TD>
                <TD className="text-right tabular-nums">
                  {version.cohorts}
                  {version.cohorts > 0 ? (
                    <Link href={`/admin/roadmaps/${roadmap.id}/insights?version=${version.number}`} className="ml-2 text-sm text-accent hover:underline">
                      Friction<span className="sr-only"> in version {version.number}</span>
                    </Link>
                  ) : null}
                </TD>
                <TD>
                  <ExportMenu roadmapId={roadmap.id} versionNumber={version.number} className="justify-end" />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
        {roadmap.versions.length === 0 ? <p className="text-sm text-muted-foreground">No versions yet: start a draft.</p> : null}
      </Section>
    </>
  );
}
