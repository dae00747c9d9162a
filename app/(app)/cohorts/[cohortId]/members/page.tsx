import { Link2 } from "@/components/ui/icons/link-2";
import { Send } from "@/components/ui/icons/send";
import { UserPlus } from "@/components/ui/icons/user-plus";
import { Users } from "@/components/ui/icons/users";
import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/viewer";
import { AddMemberForm } from "@/lib/features/cohorts/components/add-member-form";
import { CohortNav } from "@/lib/features/cohorts/components/cohort-nav";
import { EmailInviteForm } from "@/lib/features/invites/components/email-invite-form";
import { InvitePanel } from "@/lib/features/invites/components/invite-panel";
import { mailConfigured } from "@/lib/mailer";
import { MemberList } from "@/lib/features/cohorts/components/member-list";
import { loadCohortMembersPage } from "@/lib/features/cohorts/loaders";
import { loadCohortInvites } from "@/lib/features/invites/loaders";

type Props = { params: Promise<{ cohortId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId } = await params;
  const page = await loadCohortMembersPage(await requireViewer(), cohortId);
  return { title: `Members · ${page.cohortName}` };
}

function SectionHeading({ id, title, count }: { id: string; title: string; count: number }) {
  return (
    <h2 id={id} className="text-base font-semibold">
      {title} <span className="font-normal text-muted-foreground tabular-nums">({count})</span>
    </h2>
  );
}

export default async function CohortMembersPage({ params }: Props) {
  const { cohortId } = await params;
  const viewer = await requireViewer();
  const [page, invites] = await Promise.all([loadCohortMembersPage(viewer, cohortId), loadCohortInvites(viewer, cohortId)]);
  const listProps = {
    cohortName: page.cohortName,
    cohortStartDate: page.cohortStartDate,
    timezone: page.timezone,
    viewerCanRemoveSelf: page.as === "admin",
  };
  return (
    <>
      <PageHeader eyebrow={page.cohortName} title="Members" description="Learners and mentors of this cohort, and the invite links that let people join." />
      <CohortNav cohortId={page.cohortId} />
      <div className="grid gap-8">
        <div className="grid gap-6 md:grid-cols-2 md:items-start">
          <Card>
            <CardHeader>
              <CardTitle>Add member</CardTitle>
              <CardDescription>For people who already have a Cairn account.</CardDescription>
            </CardHeader>
            <CardContent>
              <AddMemberForm cohortId={page.cohortId} icon={<UserPlus aria-hidden />} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle id="invites-heading">Invite links</CardTitle>
              <CardDescription>
                Anyone with the link can create an account and join, until it expires or its uses run out.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <InvitePanel cohortId={page.cohortId} invites={invites} timezone={page.timezone} />
            </CardContent>
          </Card>
          {mailConfigured() ? (
            <Card>
              <CardHeader>
                <CardTitle>Invite by e-mail</CardTitle>
                <CardDescription>Cairn mails each person their own invite link.</CardDescription>
              </CardHeader>
              <CardContent>
                <EmailInviteForm cohortId={page.cohortId} icon={<Send aria-hidden />} />
              </CardContent>
            </Card>
          ) : null}
        </div>
        <section aria-labelledby="learners-heading" className="grid gap-3">
          <SectionHeading id="learners-heading" title="Learners" count={page.learners.length} />
          {page.learners.length === 0 ? (
            <EmptyState
              icon={Users}
              headingLevel="h3"
              title="No learners yet"
              text="Add people who already have an account by email, or send an invite link to everyone else."
              action={
                <Button asChild variant="secondary">
                  <a href="#invites-heading">
                    <Link2 aria-hidden />
                    Invite learners
                  </a>
                </Button>
              }
            />
          ) : (
            <MemberList members={page.learners} kind="active" {...listProps} />
          )}
        </section>
        <section aria-labelledby="mentors-heading" className="grid gap-3">
          <SectionHeading id="mentors-heading" title="Mentors" count={page.mentors.length} />
          {page.mentors.length === 0 ? (
            <p className="text-sm text-muted-foreground">No mentors yet. Add one by email or with a mentor invite link.</p>
          ) : (
            <MemberList members={page.mentors} kind="active" {...listProps} />
          )}
        </section>
        {page.removed.length > 0 ? (
          <section aria-labelledby="removed-heading" className="grid gap-3">
            <SectionHeading id="removed-heading" title="Removed" count={page.removed.length} />
            <p className="text-sm text-muted-foreground">Their work is kept. Adding someone back restores it.</p>
            <MemberList members={page.removed} kind="removed" {...listProps} />
          </section>
        ) : null}
      </div>
    </>
  );
}
