"use client";

import { Send } from "@/components/ui/icons/send";
import { Trash2 } from "@/components/ui/icons/trash-2";
import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NewDraftButton } from "@/lib/features/roadmaps/components/new-draft-button";
import type { ChangeSummary, VersionChange } from "@/lib/features/roadmaps/types";
import { describeChanges } from "@/lib/features/roadmaps/utils";

// Radix's dialog loads when someone first asks to publish or discard (decision 027).
const loadDialogs = () => import("@/lib/features/roadmaps/components/publish-dialog");
const PublishDialog = lazy(() => loadDialogs().then((module) => ({ default: module.PublishDialog })));
const DiscardDraftDialog = lazy(() => loadDialogs().then((module) => ({ default: module.DiscardDraftDialog })));

type Props = {
  roadmapId: string;
  versionId: string;
  number: number;
  status: "draft" | "published" | "retired";
  previousNumber: number | null;
  changeSummary: ChangeSummary | null;
  changes: VersionChange[] | null;
  publishedLine: string | null;
  draftNumber: number | null;
  isLatest: boolean;
};

/** The editor's sticky bar: what this version is, what changed, and the one next step ("Publish" or "New draft"). */
export function PublishBar(props: Props) {
  const { roadmapId, versionId, number, status, previousNumber, changeSummary, changes } = props;
  const [dialog, setDialog] = useState<"publish" | "discard" | null>(null);
  const closeOn = (open: boolean) => {
    if (!open) setDialog(null);
  };
  const since = previousNumber ? `since version ${previousNumber}` : "in the first version";

  return (
    <div className="sticky bottom-0 z-20 -mx-4 mt-8 border-t border-border bg-surface/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex min-w-0 grow basis-64 flex-wrap items-center gap-2 text-sm">
          {status === "draft" ? (
            <>
              <Badge variant="warning">Draft</Badge>
              <span className="font-medium">Version {number}</span>
              {changeSummary ? (
                <span className="text-muted-foreground">
                  {describeChanges(changeSummary, changes?.length ?? 0)} {since}
                </span>
              ) : null}
            </>
          ) : (
            <>
              <Badge variant={status === "published" ? "success" : "neutral"} icon="lock">
                {status === "published" ? "Published" : "Retired"}
              </Badge>
              <span className="font-medium">Version {number}</span>
              <span className="text-muted-foreground">{props.publishedLine} · read-only</span>
            </>
          )}
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
