import { Link2 } from "@/components/ui/icons/link-2";
import { UserSearch } from "@/components/ui/icons/user-search";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/viewer";
import { UserFilters } from "@/lib/features/users/components/user-filters";
import { UserList } from "@/lib/features/users/components/user-list";
import { loadAdminUsersPage } from "@/lib/features/users/loaders";
import { isFiltered } from "@/lib/features/users/utils";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const viewer = await requireAdmin();
  const data = await loadAdminUsersPage(viewer, await searchParams);
  const invites = (
    <Button asChild>
      <Link href="/admin/users/invites">
        <Link2 aria-hidden />
        Invite links
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin" className="hover:underline">Admin</Link>}
        title="Users"
        description="Everyone with an account: admin rights, deactivation and password reset links."
        actions={invites}
      />
      <UserFilters filters={data.filters} cohorts={data.cohorts} />
      {data.users.length === 0 ? (
        <EmptyState
          icon={UserSearch}
          title={isFiltered(data.filters) ? "Nobody matches these filters" : "No people yet"}
          text={isFiltered(data.filters) ? "Try another name or email, or clear the filters." : "Create an invite link to bring people in."}
          action={
            isFiltered(data.filters) ? (
              <Button asChild variant="secondary">
                <Link href="/admin/users">Clear filters</Link>
              </Button>
            ) : (
              invites
            )
          }
        />
      ) : (
        <UserList data={data} serverNow={new Date().toISOString()} />
      )}
    </>
  );
}
