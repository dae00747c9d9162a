"use client";

import { FilePlus2 } from "@/components/ui/icons/file-plus-2";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";
import { createDraftAction } from "@/lib/features/roadmaps/actions";

/** "New draft": the next version, starting from the latest one. */
export function NewDraftButton({ roadmapId }: { roadmapId: string }) {
  const router = useRouter();
  const { pending, run } = useAction(EDITOR_SAVE);
  async function start() {
    const result = await run(() => createDraftAction({ roadmapId }));
    if (!result?.ok) return;
    toast({ title: `Draft version ${result.data.number} started`, description: "It starts as a copy of the latest version.", variant: "success" });
    router.push(`/admin/roadmaps/${roadmapId}/versions/${result.data.number}`);
  }
  return (
    <Button type="button" loading={pending} onClick={start}>
      <FilePlus2 aria-hidden />
      New draft
    </Button>
  );
}
