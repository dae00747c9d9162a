import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { Table, TBody, TD, TR } from "@/components/ui/table";
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
        <Section id="manage-heading" title="Manage">
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
              <Link href="/admin/sign-in">Sign-in methods</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/tokens">API tokens</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/outbox">Outbox</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/webhooks">Webhooks</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/audit">Audit log</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/jobs">Jobs</Link>
            </Button>
            <Button asChild size="sm">
              <Link href="/admin/cohorts/new">New cohort</Link>
            </Button>
          </div>
        </Section>
        <Section id="roadmaps-heading" title="Roadmaps">
          <Table columns={["Name", "Slug", "Published version", "Cohorts using it"]}>
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
        </Section>
      </div>
    </>
  );
}
