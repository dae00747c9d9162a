"use client";

import { errorsFor } from "@/components/ui/field";
import { updateProjectAction } from "@/lib/features/roadmaps/actions";
import { DoneWhenField, ReviewFields, toLines } from "@/lib/features/roadmaps/components/item-fields";
import { ItemForm, REVIEWED_ITEM_LABELS, reviewedItemDraft } from "@/lib/features/roadmaps/components/item-form";
import { useItemForm } from "@/lib/features/roadmaps/components/use-item-form";
import type { EditorProject } from "@/lib/features/roadmaps/types";

const toDraft = (project: EditorProject) => ({ ...reviewedItemDraft(project), milestoneKeys: project.milestoneKeys });

const LABELS = { ...REVIEWED_ITEM_LABELS, milestoneKeys: "milestones demonstrated" } as const;

type MilestoneChoice = { key: string; title: string };

export function ProjectForm({
  project,
  phases,
  keyLocked,
  readOnly,
}: {
  project: EditorProject;
  phases: { id: string; title: string; milestones: MilestoneChoice[] }[];
  keyLocked: boolean;
  readOnly: boolean;
}) {
  const form = useItemForm(project, toDraft, (draft, lockVersion) =>
    updateProjectAction({ ...draft, projectId: project.id, lockVersion, doneWhen: toLines(draft.doneWhen) }),
  );
  const { draft, set, errors } = form;
  const toggle = (key: string, on: boolean) =>
    set("milestoneKeys", on ? [...draft.milestoneKeys, key] : draft.milestoneKeys.filter((other) => other !== key));
  return (
    <ItemForm form={form} kind="project" item={project} labels={LABELS} keyLocked={keyLocked} readOnly={readOnly}>
      <DoneWhenField value={draft.doneWhen} onChange={(value) => set("doneWhen", value)} errors={errors} />
      <ReviewFields
        evidence={draft.evidence}
        reviewRequired={draft.reviewRequired}
        onEvidence={(value) => set("evidence", value)}
        onReview={(value) => set("reviewRequired", value)}
        errors={errors}
      />
      <fieldset className="grid gap-2">
        <legend className="mb-1.5 text-sm font-medium">
          Milestones it demonstrates <span className="font-normal text-muted-foreground">(optional)</span>
        </legend>
        {errorsFor(errors, "milestoneKeys")?.map((message) => (
          <p key={message} role="alert" className="text-[0.8125rem] text-status-danger-fg">
            {message}
          </p>
        ))}
        <div className="grid max-h-80 gap-3 overflow-y-auto rounded-md border border-border p-3">
          {phases.map((phase) => (
            <div key={phase.id} className="grid gap-1">
              <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{phase.title}</p>
              {phase.milestones.map((milestone) => (
                <label key={milestone.key} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
                    checked={draft.milestoneKeys.includes(milestone.key)}
                    onChange={(event) => toggle(milestone.key, event.target.checked)}
                  />
                  <span>{milestone.title}</span>
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
    </ItemForm>
  );
}
