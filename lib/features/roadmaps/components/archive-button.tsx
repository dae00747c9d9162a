"use client";

import { Archive } from "@/components/ui/icons/archive";
import { ArchiveRestore } from "@/components/ui/icons/archive-restore";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { countItemCompletionsAction, setItemArchivedAction } from "@/lib/features/roadmaps/actions";
import { EDITOR_SAVE, KIND_LABEL } from "@/lib/features/roadmaps/constants";

// Loads when an archive first needs confirming (decision 027).
const ArchiveItemDialog = lazy(() =>
  import("@/lib/features/roadmaps/components/editor-dialogs").then((module) => ({ default: module.ArchiveItemDialog })),
);

/**
 * "Archive milestone" / "Restore milestone": items are never deleted, so learners' work on them is never lost. When
 * learners completed the item, the count is read at the click and the app's dialog asks first.
 */
export function ArchiveButton({ kind, id, archived, disabled = false }: { kind: "phase" | "milestone" | "project"; id: string; archived: boolean; disabled?: boolean }) {
  const router = useRouter();
  const { pending, run } = useAction(EDITOR_SAVE);
  const [confirming, setConfirming] = useState<number | null>(null);
  const noun = KIND_LABEL[kind].toLowerCase();

  async function toggle() {
    const result = await run(() => setItemArchivedAction({ kind, id, archived: !archived }));
    setConfirming(null);
    if (!result?.ok) return;
    const { unlinkedFrom } = result.data;
    const unlinked = unlinkedFrom.length > 0 ? ` No longer listed as demonstrated by: ${unlinkedFrom.join(", ")}.` : "";
    toast({
      title: archived ? `${KIND_LABEL[kind]} restored` : `${KIND_LABEL[kind]} archived`,
      description: archived ? undefined : `It leaves the roadmap when this draft is published; learners' work on it is kept.${unlinked}`,
      variant: "success",
    });
    router.refresh();
  }

  async function onClick() {
    if (archived) return toggle();
    const count = await run(() => countItemCompletionsAction({ kind, id }));
    if (!count?.ok) return;
    if (count.data.learners === 0) return toggle();
    setConfirming(count.data.learners);
  }

  return (
    <>
      <Button type="button" variant="secondary" loading={pending && confirming === null} disabled={disabled} onClick={onClick}>
        {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
        {archived ? `Restore ${noun}` : `Archive ${noun}`}
      </Button>
      <Suspense fallback={null}>
        {confirming !== null ? (
          <ArchiveItemDialog kind={kind} learners={confirming} pending={pending} onArchive={toggle} onCancel={() => setConfirming(null)} />
        ) : null}
      </Suspense>
    </>
  );
}
