"use client";

import { Archive } from "@/components/ui/icons/archive";
import { ArchiveRestore } from "@/components/ui/icons/archive-restore";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { setItemArchivedAction } from "@/lib/features/roadmaps/actions";
import { EDITOR_SAVE, KIND_LABEL } from "@/lib/features/roadmaps/constants";

/** "Archive milestone" / "Restore milestone": items are never deleted, so learners' work on them is never lost. */
export function ArchiveButton({ kind, id, archived, disabled = false }: { kind: "phase" | "milestone" | "project"; id: string; archived: boolean; disabled?: boolean }) {
  const router = useRouter();
  const { pending, run } = useAction(EDITOR_SAVE);
  const noun = KIND_LABEL[kind].toLowerCase();
  async function toggle() {
    const result = await run(() => setItemArchivedAction({ kind, id, archived: !archived }));
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
  return (
    <Button type="button" variant="secondary" loading={pending} disabled={disabled} onClick={toggle}>
      {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
      {archived ? `Restore ${noun}` : `Archive ${noun}`}
    </Button>
  );
}
