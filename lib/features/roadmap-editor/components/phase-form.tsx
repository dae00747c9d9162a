"use client";

import { errorsFor } from "@/components/ui/field";
import { updatePhaseAction } from "@/lib/features/roadmap-editor/actions";
import { ConflictNotice } from "@/lib/features/roadmap-editor/components/conflict-notice";
import { EditorFormShell } from "@/lib/features/roadmap-editor/components/editor-form-shell";
import { KeyField, TitleField } from "@/lib/features/roadmap-editor/components/item-fields";
import { MarkdownField } from "@/lib/features/roadmap-editor/components/markdown-field";
import { useItemForm } from "@/lib/features/roadmap-editor/components/use-item-form";
import type { EditorPhase } from "@/lib/features/roadmap-editor/types";

const toDraft = (phase: EditorPhase) => ({ title: phase.title, key: phase.key, description: phase.description });
const LABELS = { title: "title", key: "key", description: "description" } as const;

export function PhaseForm({ phase, readOnly }: { phase: EditorPhase; readOnly: boolean }) {
  const form = useItemForm(phase, toDraft, (draft, lockVersion) => updatePhaseAction({ ...draft, phaseId: phase.id, lockVersion }));
  const { draft, set, errors } = form;
  return (
    <EditorFormShell
      form={form}
      kind="phase"
      id={phase.id}
      archived={phase.archived}
      readOnly={readOnly}
      conflict={form.conflict ? <ConflictNotice theirs={form.conflict} mine={draft} labels={LABELS} onUseTheirs={form.useTheirs} /> : null}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TitleField value={draft.title} onChange={(value) => set("title", value)} errors={errors} />
        <KeyField value={draft.key} locked={false} onChange={(value) => set("key", value)} errors={errors} />
      </div>
      <MarkdownField label="Description" value={draft.description} onChange={(value) => set("description", value)} errors={errorsFor(errors, "description")} />
    </EditorFormShell>
  );
}
