"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { publishVersionAction } from "@/lib/features/roadmaps/actions";
import { ChangeList } from "@/lib/features/roadmaps/components/change-list";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";
import type { ChangeSummary, PublishIssue } from "@/lib/features/roadmaps/types";

/**
 * "Publish version N?": what changed, and what must be fixed first when the server refuses. Loaded when the publish
 * button is first pressed (decision 027); shown while open, so each opening starts without the last one's issues.
 */
export function PublishDialog({
  versionId,
  number,
  changeSummary,
  onOpenChange,
}: {
  versionId: string;
  number: number;
  changeSummary: ChangeSummary | null;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const [issues, setIssues] = useState<PublishIssue[]>([]);
  const publishing = useAction(EDITOR_SAVE);

  async function publish() {
    const result = await publishing.run(() => publishVersionAction({ versionId }));
    if (!result?.ok) return;
    if (result.data.status === "invalid") return setIssues(result.data.issues);
    onOpenChange(false);
    toast({ title: `Version ${number} published`, description: "Cohorts stay on their version until a mentor or admin moves them.", variant: "success" });
    router.refresh();
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Publish version {number}?</DialogTitle>
          <DialogDescription>
            A published version is read-only. Cohorts keep the version they follow until a mentor or admin moves them; learners&apos; progress carries over by key.
          </DialogDescription>
        </DialogHeader>
        <div className="my-4 grid max-h-[50vh] gap-3 overflow-y-auto">
          {issues.length > 0 ? (
            <div className="grid gap-2">
              <FormAlert>Fix these before publishing:</FormAlert>
              <ul className="grid list-disc gap-1 pl-5 text-sm">
                {issues.map((issue, index) => (
                  <li key={index}>{issue.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {changeSummary ? <ChangeList summary={changeSummary} /> : null}
        </div>
        <DialogFooter>
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Keep editing
          </Button>
          <Button type="button" loading={publishing.pending} onClick={publish}>
            Publish
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
