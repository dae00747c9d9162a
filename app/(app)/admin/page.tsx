import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { loadAdminHome } from "@/lib/features/admin/loaders";

export const metadata: Metadata = { title: "Admin" };

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card>
      <CardContent>
        <p className="text-sm text-muted-foreground">{label}</p>
        <p className="text-3xl font-semibold tabular-nums">{value}</p>
      </CardContent>
    </Card>
  );
}

export default async function AdminHomePage() {
  const overview = await loadAdminHome(await requireViewer());
  return (
    <>
      <PageHeader title="Admin" description="The state of this Cairn instance." />
      <div className="grid gap-6">
        <div className="grid gap-3 sm:grid-cols-3">
          <Stat label="Active people" value={overview.activeUsers} />
          <Stat label="Admins" value={overview.admins} />
          <Stat label="Active cohorts" value={overview.cohorts} />
        </div>
        <section aria-labelledby="manage-heading" className="grid gap-3">
          <h2 id="manage-heading" className="text-base font-semibold">
            Manage
          </h2>
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/roadmaps">Roadmaps</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/cohorts">Cohorts</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/users">Users</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/users/invites">Invite links</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/audit">Audit log</Link>
            </Button>
            <Button asChild size="sm">
              <Link href="/admin/cohorts/new">New cohort</Link>
            </Button>
          </div>
        </section>
        <section aria-labelledby="roadmaps-heading" className="grid gap-3">
          <h2 id="roadmaps-heading" className="text-base font-semibold">
            Roadmaps
          </h2>
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Slug</TH>
                <TH>Published version</TH>
                <TH>Cohorts using it</TH>
              </TR>
            </THead>
            <TBody>
              {overview.roadmaps.map((roadmap) => (
                <TR key={roadmap.id}>
                  <TD className="font-medium">
                    <Link href={`/admin/roadmaps/${roadmap.id}`} className="text-accent hover:underline">
                      {roadmap.name}
                    </Link>
                  </TD>
                  <TD className="font-mono text-xs">{roadmap.slug}</TD>
                  <TD>
                    {roadmap.latestPublished ? `Version ${roadmap.latestPublished}` : "—"}{" "}
                    {roadmap.draftNumber ? <Badge variant="warning">Draft not published</Badge> : null}
                  </TD>
                  <TD className="tabular-nums">{roadmap.cohortsUsing}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
      </div>
    </>
  );
}
