"use client";

import { Send } from "@/components/ui/icons/send";
import { Trash2 } from "@/components/ui/icons/trash-2";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";
import { discardDraftAction } from "@/lib/features/roadmaps/actions";
import { NewDraftButton } from "@/lib/features/roadmaps/components/new-draft-button";
import type { ChangeSummary } from "@/lib/features/roadmaps/types";
import { describeChanges } from "@/lib/features/roadmaps/utils";

// Radix's dialog loads when someone first asks to publish (decision 027).
const PublishDialog = lazy(() =>
  import("@/lib/features/roadmaps/components/publish-dialog").then((module) => ({ default: module.PublishDialog })),
);

type Props = {
  roadmapId: string;
  versionId: string;
  number: number;
  status: "draft" | "published" | "retired";
  previousNumber: number | null;
  changeSummary: ChangeSummary | null;
  publishedLine: string | null;
  draftNumber: number | null;
  isLatest: boolean;
};

/** The editor's sticky bar: what this version is, what changed, and the one next step ("Publish" or "New draft"). */
export function PublishBar(props: Props) {
  const { roadmapId, versionId, number, status, previousNumber, changeSummary } = props;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const discarding = useAction(EDITOR_SAVE);
  const since = previousNumber ? `since version ${previousNumber}` : "in the first version";

  async function discard() {
    if (!window.confirm(`Discard draft version ${number}? Its edits are deleted; published versions and learners' work are not touched.`)) return;
    const result = await discarding.run(() => discardDraftAction({ versionId }));
    if (!result?.ok) return;
    toast({ title: `Draft version ${number} discarded`, variant: "success" });
    router.push(`/admin/roadmaps/${roadmapId}`);
  }

  return (
    <div className="sticky bottom-0 z-20 -mx-4 mt-8 border-t border-border bg-surface/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2 text-sm">
          {status === "draft" ? (
            <>
              <Badge variant="warning">Draft</Badge>
              <span className="font-medium">Version {number}</span>
              {changeSummary ? (
                <span className="text-muted-foreground">
                  {describeChanges(changeSummary)} {since}
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
            <Button type="button" variant="secondary" loading={discarding.pending} onClick={discard}>
              <Trash2 aria-hidden />
              Discard draft
            </Button>
            <Button type="button" onClick={() => setOpen(true)}>
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
      {open ? (
        <Suspense fallback={null}>
          <PublishDialog versionId={versionId} number={number} changeSummary={changeSummary} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </div>
  );
}
