"use client";

import { errorsFor } from "@/components/ui/field";
import { updateProjectAction } from "@/lib/features/roadmap-editor/actions";
import { ConflictNotice } from "@/lib/features/roadmap-editor/components/conflict-notice";
import { EditorFormShell } from "@/lib/features/roadmap-editor/components/editor-form-shell";
import { DoneWhenField, KeyField, ReviewFields, TitleField, toLines } from "@/lib/features/roadmap-editor/components/item-fields";
import { MarkdownField } from "@/lib/features/roadmap-editor/components/markdown-field";
import { useItemForm } from "@/lib/features/roadmap-editor/components/use-item-form";
import type { EditorProject } from "@/lib/features/roadmap-editor/types";

function toDraft(project: EditorProject) {
  return {
    title: project.title,
    key: project.key,
    description: project.description,
    doneWhen: project.doneWhen.join("\n"),
    evidence: project.evidence,
    reviewRequired: project.reviewRequired,
    milestoneKeys: project.milestoneKeys,
  };
}

const LABELS = {
  title: "title",
  key: "key",
  description: "description",
  doneWhen: '"Done when"',
  evidence: "evidence",
  reviewRequired: "review required",
  milestoneKeys: "milestones demonstrated",
} as const;

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
    <EditorFormShell
      form={form}
      kind="project"
      id={project.id}
      archived={project.archived}
      readOnly={readOnly}
      conflict={form.conflict ? <ConflictNotice theirs={form.conflict} mine={draft} labels={LABELS} onUseTheirs={form.useTheirs} /> : null}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TitleField value={draft.title} onChange={(value) => set("title", value)} errors={errors} />
        <KeyField value={draft.key} locked={keyLocked} onChange={(value) => set("key", value)} errors={errors} />
      </div>
      <MarkdownField label="Description" value={draft.description} onChange={(value) => set("description", value)} errors={errorsFor(errors, "description")} />
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
    </EditorFormShell>
  );
}
