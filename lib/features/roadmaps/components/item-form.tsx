"use client";

import type { ReactNode } from "react";
import { errorsFor } from "@/components/ui/field";
import { EditorFormShell, type ShellForm } from "@/lib/features/roadmaps/components/editor-form-shell";
import { KeyField, TitleField } from "@/lib/features/roadmaps/components/item-fields";
import { MarkdownField } from "@/lib/features/roadmaps/components/markdown-field";
import type { EvidenceRequirement } from "@/lib/features/roadmaps/types";

type ItemDraft = { title: string; key: string; description: string };

type ReviewedItem = ItemDraft & { doneWhen: string[]; evidence: EvidenceRequirement; reviewRequired: boolean };

/** The fields milestones and projects share, as their forms edit them ("Done when" one item per line). */
export function reviewedItemDraft(item: ReviewedItem) {
  return {
    title: item.title,
    key: item.key,
    description: item.description,
    doneWhen: item.doneWhen.join("\n"),
    evidence: item.evidence,
    reviewRequired: item.reviewRequired,
  };
}

/** How the conflict notice names those shared fields. */
export const REVIEWED_ITEM_LABELS = {
  title: "title",
  key: "key",
  description: "description",
  doneWhen: '"Done when"',
  evidence: "evidence",
  reviewRequired: "review required",
} as const;

/**
 * The form of a phase, milestone or project: title and key side by side, then `beforeDescription`, the Markdown
 * description and the kind's own fields (`children`), in the editor frame with its archive button.
 */
export function ItemForm<D extends ItemDraft>({
  form,
  kind,
  item,
  labels,
  keyLocked,
  readOnly,
  beforeDescription,
  children,
}: {
  form: ShellForm<D> & { set: (field: keyof ItemDraft, value: string) => void; errors: Record<string, string[]> };
  kind: "phase" | "milestone" | "project";
  item: { id: string; archived: boolean };
  labels: Partial<Record<keyof D, string>>;
  keyLocked: boolean;
  readOnly: boolean;
  beforeDescription?: ReactNode;
  children?: ReactNode;
}) {
  const { draft, set, errors } = form;
  return (
    <EditorFormShell form={form} kind={kind} id={item.id} archived={item.archived} readOnly={readOnly} labels={labels}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TitleField value={draft.title} onChange={(value) => set("title", value)} errors={errors} />
        <KeyField value={draft.key} locked={keyLocked} onChange={(value) => set("key", value)} errors={errors} />
      </div>
      {beforeDescription}
      <MarkdownField label="Description" value={draft.description} onChange={(value) => set("description", value)} errors={errorsFor(errors, "description")} />
      {children}
    </EditorFormShell>
  );
}
