import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/viewer";
import { ImportRoadmapForm } from "@/lib/features/roadmaps/components/import-form";

export const metadata: Metadata = { title: "Import roadmap" };

export default async function ImportRoadmapPage() {
  await requireAdmin();
  return (
    <div className="mx-auto w-full max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href="/admin/roadmaps" className="hover:underline">
            Roadmaps
          </Link>
        }
        title="Import roadmap"
        description={
          <>
            A Markdown or JSON roadmap becomes a draft: a new roadmap, or the next version of the roadmap with the same slug.
            Preview it first; nothing is written until you import. The format is described in{" "}
            <code className="font-mono text-xs">docs/roadmap-format.md</code>.
          </>
        }
      />
      <Card>
        <CardContent>
          <ImportRoadmapForm />
        </CardContent>
      </Card>
    </div>
  );
}
