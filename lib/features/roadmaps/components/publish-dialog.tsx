"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { errorsFor, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { discardDraftAction, publishVersionAction } from "@/lib/features/roadmaps/actions";
import { ChangeList } from "@/lib/features/roadmaps/components/change-list";
import { EDITOR_SAVE, RELEASE_NOTE_MAX } from "@/lib/features/roadmaps/constants";
import type { PublishIssue, VersionChange } from "@/lib/features/roadmaps/types";

/**
 * The publish bar's two dialogs, loaded when one is first opened (decision 027).
 *
 * "Publish version N?": what changed, field by field, an optional release note, and what must be fixed first when the
 * server refuses. Shown while open, so each opening starts without the last one's issues.
 */
export function PublishDialog({
  versionId,
  number,
  changes,
  onOpenChange,
}: {
  versionId: string;
  number: number;
  changes: VersionChange[] | null;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const [issues, setIssues] = useState<PublishIssue[]>([]);
  const [releaseNote, setReleaseNote] = useState("");
  const publishing = useAction(EDITOR_SAVE);

  async function publish() {
    const result = await publishing.run(() => publishVersionAction({ versionId, releaseNote }));
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
          {changes ? <ChangeList changes={changes} /> : null}
          <Field
            label="Release note"
            optional
            hint={`Markdown, up to ${RELEASE_NOTE_MAX.toLocaleString("en")} characters. Mentors read it where they move a cohort; learners, on their roadmap once their cohort moves.`}
            errors={errorsFor(publishing.fieldErrors, "releaseNote")}
          >
            <Textarea rows={3} value={releaseNote} maxLength={RELEASE_NOTE_MAX} onChange={(event) => setReleaseNote(event.target.value)} />
          </Field>
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

/** "Discard draft version N?": the editor's one step that cannot be undone. */
export function DiscardDraftDialog({
  roadmapId,
  versionId,
  number,
  onOpenChange,
}: {
  roadmapId: string;
  versionId: string;
  number: number;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const discarding = useAction(EDITOR_SAVE);

  async function discard() {
    const result = await discarding.run(() => discardDraftAction({ versionId }));
    if (!result?.ok) return;
    onOpenChange(false);
    toast({ title: `Draft version ${number} discarded`, variant: "success" });
    router.push(`/admin/roadmaps/${roadmapId}`);
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Discard draft version {number}?</DialogTitle>
          <DialogDescription>Its edits are deleted. Published versions and learners&apos; work are not touched.</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogCancel />
          <Button type="button" variant="danger" loading={discarding.pending} onClick={discard}>
            Discard draft
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
