"use client";

import { updatePhaseAction } from "@/lib/features/roadmaps/actions";
import { ItemForm } from "@/lib/features/roadmaps/components/item-form";
import { useItemForm } from "@/lib/features/roadmaps/components/use-item-form";
import type { EditorPhase } from "@/lib/features/roadmaps/types";

const toDraft = (phase: EditorPhase) => ({ title: phase.title, key: phase.key, description: phase.description });
const LABELS = { title: "title", key: "key", description: "description" } as const;

export function PhaseForm({ phase, readOnly }: { phase: EditorPhase; readOnly: boolean }) {
  const form = useItemForm(phase, toDraft, (draft, lockVersion) => updatePhaseAction({ ...draft, phaseId: phase.id, lockVersion }));
  return <ItemForm form={form} kind="phase" item={phase} labels={LABELS} keyLocked={false} readOnly={readOnly} />;
}
