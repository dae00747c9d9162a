import { KeyRound } from "@/components/ui/icons/key-round";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/viewer";
import { AdminApiTokenTable } from "@/lib/features/api-tokens/components/admin-api-token-table";
import { loadAdminApiTokens } from "@/lib/features/api-tokens/loaders";

export const metadata: Metadata = { title: "API tokens" };

export default async function AdminApiTokensPage() {
  const viewer = await requireAdmin();
  const now = new Date();
  const tokens = await loadAdminApiTokens(viewer, now);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin" className="hover:underline">Admin</Link>}
        title="API tokens"
        description="Every token that still works, whoever created it. Revoking one refuses its next request; people create their own in Settings."
      />
      {tokens.length === 0 ? (
        <EmptyState icon={KeyRound} title="No live tokens" text="Nobody holds a token that still works. People create them in Settings → API tokens." />
      ) : (
        <AdminApiTokenTable tokens={tokens} now={now} zone={viewer.timeZone ?? "UTC"} />
      )}
    </>
  );
}
