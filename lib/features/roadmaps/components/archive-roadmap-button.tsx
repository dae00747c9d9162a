"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";
import { setRoadmapArchivedAction } from "@/lib/features/roadmaps/actions";

/** Archive hides the roadmap from new cohorts; cohorts that follow it keep working. */
export function ArchiveRoadmapButton({ roadmapId, archived }: { roadmapId: string; archived: boolean }) {
  const router = useRouter();
  const { pending, run } = useAction(EDITOR_SAVE);
  async function toggle() {
    const result = await run(() => setRoadmapArchivedAction({ roadmapId, archived: !archived }));
    if (!result?.ok) return;
    toast({ title: archived ? "Roadmap restored" : "Roadmap archived", variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" variant="secondary" loading={pending} onClick={toggle}>
      {archived ? "Restore roadmap" : "Archive roadmap"}
    </Button>
  );
}
