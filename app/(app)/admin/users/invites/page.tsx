import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { requireAdmin } from "@/lib/auth/viewer";
import { InstanceInvitePanel } from "@/lib/features/invites/components/instance-invite-panel";
import { loadAdminInvitesPage } from "@/lib/features/invites/loaders";
import { mailConfigured } from "@/lib/mailer";

export const metadata: Metadata = { title: "Invite links" };

export default async function AdminInvitesPage() {
  const { invites, cohorts } = await loadAdminInvitesPage(await requireAdmin());
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href="/admin" className="hover:underline">
              Admin
            </Link>{" "}
            /{" "}
            <Link href="/admin/users" className="hover:underline">
              Users
            </Link>
          </>
        }
        title="Invite links"
        description="Links that create an account: an admin, or a mentor or learner with or without a cohort, to share yourself or, when Cairn sends mail, mailed to each person. Every link of the instance is listed here, cohort links included."
      />
      <InstanceInvitePanel invites={invites} cohorts={cohorts} mailInvites={mailConfigured()} />
    </>
  );
}
