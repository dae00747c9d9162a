"use client";

import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { updateMilestoneAction } from "@/lib/features/roadmaps/actions";
import { DoneWhenField, ResourcesField, ReviewFields, toLines } from "@/lib/features/roadmaps/components/item-fields";
import { ItemForm, reviewedItemDraft } from "@/lib/features/roadmaps/components/item-form";
import { useItemForm } from "@/lib/features/roadmaps/components/use-item-form";
import type { EditorMilestone } from "@/lib/features/roadmaps/types";

function toDraft(milestone: EditorMilestone) {
  return {
    ...reviewedItemDraft(milestone),
    phaseId: milestone.phaseId,
    resources: milestone.resources,
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
    <ItemForm
      form={form}
      kind="milestone"
      item={milestone}
      labels={LABELS}
      keyLocked={keyLocked}
      readOnly={readOnly}
      beforeDescription={
        <Field label="Phase" errors={errorsFor(errors, "phaseId")}>
          <Select
            value={draft.phaseId}
            onChange={(event) => set("phaseId", event.target.value)}
            options={phases.map((phase) => ({ value: phase.id, label: phase.title }))}
          />
        </Field>
      }
    >
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
    </ItemForm>
  );
}
