"use client";

import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { updateMilestoneAction } from "@/lib/features/roadmap-editor/actions";
import { ConflictNotice } from "@/lib/features/roadmap-editor/components/conflict-notice";
import { EditorFormShell } from "@/lib/features/roadmap-editor/components/editor-form-shell";
import { DoneWhenField, KeyField, ResourcesField, ReviewFields, TitleField, toLines } from "@/lib/features/roadmap-editor/components/item-fields";
import { MarkdownField } from "@/lib/features/roadmap-editor/components/markdown-field";
import { useItemForm } from "@/lib/features/roadmap-editor/components/use-item-form";
import type { EditorMilestone } from "@/lib/features/roadmap-editor/types";

function toDraft(milestone: EditorMilestone) {
  return {
    title: milestone.title,
    key: milestone.key,
    phaseId: milestone.phaseId,
    description: milestone.description,
    doneWhen: milestone.doneWhen.join("\n"),
    resources: milestone.resources,
    evidence: milestone.evidence,
    reviewRequired: milestone.reviewRequired,
    effortHours: milestone.effortHours === null ? "" : String(milestone.effortHours),
  };
}

const LABELS = {
  title: "title",
  key: "key",
  phaseId: "phase",
  description: "description",
  doneWhen: '"Done when"',
  resources: "resources",
  evidence: "evidence",
  reviewRequired: "review required",
  effortHours: "target effort",
} as const;

export function MilestoneForm({
  milestone,
  phases,
  keyLocked,
  readOnly,
}: {
  milestone: EditorMilestone;
  phases: { id: string; title: string }[];
  keyLocked: boolean;
  readOnly: boolean;
}) {
  const form = useItemForm(milestone, toDraft, (draft, lockVersion) =>
    updateMilestoneAction({
      ...draft,
      milestoneId: milestone.id,
      lockVersion,
      doneWhen: toLines(draft.doneWhen),
      effortHours: draft.effortHours.trim() === "" ? null : Number(draft.effortHours),
    }),
  );
  const { draft, set, errors } = form;
  return (
    <EditorFormShell
      form={form}
      kind="milestone"
      id={milestone.id}
      archived={milestone.archived}
      readOnly={readOnly}
      conflict={form.conflict ? <ConflictNotice theirs={form.conflict} mine={draft} labels={LABELS} onUseTheirs={form.useTheirs} /> : null}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TitleField value={draft.title} onChange={(value) => set("title", value)} errors={errors} />
        <KeyField value={draft.key} locked={keyLocked} onChange={(value) => set("key", value)} errors={errors} />
      </div>
      <Field label="Phase" errors={errorsFor(errors, "phaseId")}>
        <Select value={draft.phaseId} onChange={(event) => set("phaseId", event.target.value)}>
          {phases.map((phase) => (
            <option key={phase.id} value={phase.id}>
              {phase.title}
            </option>
          ))}
        </Select>
      </Field>
      <MarkdownField label="Description" value={draft.description} onChange={(value) => set("description", value)} errors={errorsFor(errors, "description")} />
      <DoneWhenField value={draft.doneWhen} onChange={(value) => set("doneWhen", value)} errors={errors} />
      <ResourcesField value={draft.resources} onChange={(value) => set("resources", value)} errors={errors} />
      <ReviewFields
        evidence={draft.evidence}
        reviewRequired={draft.reviewRequired}
        onEvidence={(value) => set("evidence", value)}
        onReview={(value) => set("reviewRequired", value)}
        errors={errors}
      >
        <Field label="Target effort (hours)" optional errors={errorsFor(errors, "effortHours")}>
          <Input type="number" inputMode="numeric" min={1} value={draft.effortHours} onChange={(event) => set("effortHours", event.target.value)} />
        </Field>
      </ReviewFields>
    </EditorFormShell>
  );
}
