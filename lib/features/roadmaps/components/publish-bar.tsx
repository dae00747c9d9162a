"use client";

import { Send } from "@/components/ui/icons/send";
import { Trash2 } from "@/components/ui/icons/trash-2";
import Link from "next/link";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { NewDraftButton } from "@/lib/features/roadmaps/components/new-draft-button";
import type { VersionChange } from "@/lib/features/roadmaps/types";

// Radix's dialog loads when someone first asks to publish or discard (decision 027).
const loadDialogs = () => import("@/lib/features/roadmaps/components/publish-dialog");
const PublishDialog = lazy(() => loadDialogs().then((module) => ({ default: module.PublishDialog })));
const DiscardDraftDialog = lazy(() => loadDialogs().then((module) => ({ default: module.DiscardDraftDialog })));

type Props = {
  roadmapId: string;
  versionId: string;
  number: number;
  status: "draft" | "published" | "retired";
  /** What this version is and what changed in it, drawn by the server: it changes only with a new page. */
  summary: ReactNode;
  changes: VersionChange[] | null;
  draftNumber: number | null;
  isLatest: boolean;
};

/** The editor's sticky bar: what this version is, what changed, and the one next step ("Publish" or "New draft"). */
export function PublishBar(props: Props) {
  const { roadmapId, versionId, number, status, changes } = props;
  const [dialog, setDialog] = useState<"publish" | "discard" | null>(null);
  const closeOn = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <div className="sticky bottom-0 z-20 -mx-4 mt-8 border-t border-border bg-surface/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex min-w-0 grow basis-64 flex-wrap items-center gap-2 text-sm">
          {props.summary}
        </div>
        {status === "draft" ? (
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => setDialog("discard")}>
              <Trash2 aria-hidden />
              Discard draft
            </Button>
            <Button type="button" onClick={() => setDialog("publish")}>
              <Send aria-hidden />
              Publish version {number}
            </Button>
          </div>
        ) : props.draftNumber ? (
          <Button asChild variant="secondary">
            <Link href={`/admin/roadmaps/${roadmapId}/versions/${props.draftNumber}`}>Open draft version {props.draftNumber}</Link>
          </Button>
        ) : props.isLatest ? (
          <NewDraftButton roadmapId={roadmapId} />
        ) : null}
      </div>
      <Suspense fallback={null}>
        {dialog === "publish" ? (
          <PublishDialog versionId={versionId} number={number} changes={changes} onOpenChange={closeOn} />
        ) : dialog === "discard" ? (
          <DiscardDraftDialog roadmapId={roadmapId} versionId={versionId} number={number} onOpenChange={closeOn} />
        ) : null}
      </Suspense>
    </div>
  );
}
