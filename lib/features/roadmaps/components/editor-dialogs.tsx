"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { KIND_LABEL } from "@/lib/features/roadmaps/constants";
import { plural } from "@/lib/plural";

/**
 * The editor's questions, loaded when one is first asked (decision 027).
 *
 * "Discard unsaved changes?": something is about to navigate away from a form with edits that are not saved.
 */
export function DiscardChangesDialog({ onDiscard, onKeep }: { onDiscard: () => void; onKeep: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onKeep())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Discard unsaved changes?</DialogTitle>
          <DialogDescription>This form has edits that are not saved. Keep editing to save them first.</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button type="button" variant="secondary" onClick={onKeep}>
            Keep editing
          </Button>
          <Button type="button" variant="danger" onClick={onDiscard}>
            Discard changes
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** "Archive milestone?": asked only when learners completed the item, saying how many and what happens to their work. */
export function ArchiveItemDialog({
  kind,
  learners,
  pending,
  onArchive,
  onCancel,
}: {
  kind: "phase" | "milestone" | "project";
  learners: number;
  pending: boolean;
  onArchive: () => void;
  onCancel: () => void;
}) {
  const noun = KIND_LABEL[kind].toLowerCase();
  const completed = kind === "phase" ? "completed milestones in this phase" : `completed this ${noun}`;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onCancel())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Archive {noun}?</DialogTitle>
          <DialogDescription>
            {plural(learners, "learner")} {completed}. Their completion, attempts and reviews are kept. Once this draft is
            published and their cohort moves to it, the {noun} leaves their roadmap and no longer counts toward their
            progress; a later version that restores it shows their completion again.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="button" variant="danger" loading={pending} onClick={onArchive}>
            Archive {noun}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
