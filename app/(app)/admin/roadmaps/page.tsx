import { Map } from "@/components/ui/icons/map";
import { Upload } from "@/components/ui/icons/upload";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/viewer";
import { NewRoadmapForm } from "@/lib/features/roadmaps/components/new-roadmap-form";
import { loadRoadmapList } from "@/lib/features/roadmaps/loaders";

export const metadata: Metadata = { title: "Roadmaps" };

export default async function AdminRoadmapsPage() {
  const roadmaps = await loadRoadmapList(await requireAdmin());
  const importButton = (
    <Button asChild variant="secondary">
      <Link href="/admin/roadmaps/import">
        <Upload aria-hidden />
        Import
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin" className="hover:underline">Admin</Link>}
        title="Roadmaps"
        description="Edit a draft, publish it as the next version, and move cohorts when they are ready."
        actions={importButton}
      />
      <div className="grid gap-6">
        {roadmaps.length === 0 ? (
          <EmptyState icon={Map} title="No roadmaps yet" text="Import the MLOps roadmap or any roadmap in Cairn's Markdown or JSON format, or start one below." action={importButton} />
        ) : (
          <Table columns={["Name", "Published", "Draft", { label: "Cohorts", textAlign: "right" }]}>
            <TBody>
              {roadmaps.map((roadmap) => (
                <TR key={roadmap.id}>
                  <TD>
                    <Link href={`/admin/roadmaps/${roadmap.id}`} className="font-medium text-accent hover:underline">
                      {roadmap.name}
                    </Link>{" "}
                    {roadmap.archived ? <Badge variant="outline">Archived</Badge> : null}
                    <div className="font-mono text-xs text-muted-foreground">{roadmap.slug}</div>
                  </TD>
                  <TD>{roadmap.latestPublished ? `Version ${roadmap.latestPublished}` : <span className="text-muted-foreground">Not yet</span>}</TD>
                  <TD>
                    {roadmap.draftNumber ? (
                      <Link href={`/admin/roadmaps/${roadmap.id}/versions/${roadmap.draftNumber}`} className="text-accent hover:underline">
                        <Badge variant="warning">Draft</Badge> Version {roadmap.draftNumber}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TD>
                  <TD className="text-right tabular-nums">{roadmap.cohortsUsing}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        <Card>
          <CardContent className="grid gap-3">
            <h2 className="text-base font-semibold">New roadmap</h2>
            <NewRoadmapForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
