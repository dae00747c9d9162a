import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Welcome" };

export default async function WelcomePage() {
  const viewer = await requireViewer();
  return (
    <>
      <PageHeader title={`Welcome, ${viewer.name}`} />
      <EmptyState
        title="You are not in a cohort yet"
        text="When a mentor adds you to a cohort, its roadmap appears here. Ask your mentor for an invite link."
      />
    </>
  );
}
