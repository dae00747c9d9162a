"use client";

import { ChevronDown } from "@/components/ui/icons/chevron-down";
import { ChevronUp } from "@/components/ui/icons/chevron-up";
import { Plus } from "@/components/ui/icons/plus";
import { X } from "@/components/ui/icons/x";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import {
  updateCriteriaAction,
  updateNotesAction,
  updateVersionDetailsAction,
  updateWeeklyRuleAction,
} from "@/lib/features/roadmaps/actions";
import { EditorFormShell } from "@/lib/features/roadmaps/components/editor-form-shell";
import { TitleField, toLines } from "@/lib/features/roadmaps/components/item-fields";
import { MarkdownField } from "@/lib/features/roadmaps/components/markdown-field";
import { useItemForm } from "@/lib/features/roadmaps/components/use-item-form";
import type { EditorVersionFields } from "@/lib/features/roadmaps/types";
import { moveInList } from "@/lib/features/roadmaps/utils";

// The version's own fields and lists share RoadmapVersion.lockVersion: a stale save of any of them is refused.

type Props = { versionId: string; fields: EditorVersionFields; readOnly: boolean };

/** "Move up" / "Move down" / "Remove" for one row of a list that is saved as a whole. */
function RowButtons<T>({ items, index, noun, onChange }: { items: T[]; index: number; noun: string; onChange: (items: T[]) => void }) {
  return (
    <span className="flex shrink-0 self-end">
      <Button type="button" variant="ghost" size="icon" aria-label={`Move ${noun} ${index + 1} up`} disabled={index === 0} onClick={() => onChange(moveInList(items, index, -1))}>
        <ChevronUp />
      </Button>
      <Button type="button" variant="ghost" size="icon" aria-label={`Move ${noun} ${index + 1} down`} disabled={index === items.length - 1} onClick={() => onChange(moveInList(items, index, 1))}>
        <ChevronDown />
      </Button>
      <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${noun} ${index + 1}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>
        <X />
      </Button>
    </span>
  );
}

export function DetailsForm({ versionId, fields, readOnly }: Props) {
  const form = useItemForm(fields, (value) => ({ title: value.title, summary: value.summary }), (draft, lockVersion) =>
    updateVersionDetailsAction({ versionId, lockVersion, ...draft }),
  );
  const { draft, set, errors } = form;
  return (
    <EditorFormShell
      form={form}
      readOnly={readOnly}
      saveLabel="Save title and goal"
      labels={{ title: "title", summary: "goal" }}
    >
      <TitleField value={draft.title} onChange={(value) => set("title", value)} errors={errors} />
      <MarkdownField label="Goal" value={draft.summary} onChange={(value) => set("summary", value)} errors={errorsFor(errors, "summary")} rows={5} />
    </EditorFormShell>
  );
}

export function WeeklyRuleForm({ versionId, fields, readOnly }: Props) {
  const form = useItemForm(fields, (value) => ({ items: value.weeklyRule.join("\n") }), (draft, lockVersion) =>
    updateWeeklyRuleAction({ versionId, lockVersion, items: toLines(draft.items) }),
  );
  const { draft, set, errors } = form;
  return (
    <EditorFormShell
      form={form}
      readOnly={readOnly}
      saveLabel="Save weekly rule"
      labels={{ items: "weekly rule" }}
    >
      <Field label="Weekly rule" hint='One item per line, e.g. "1 day: learn". Check-ins test the rule every week.' errors={errorsFor(errors, "items")}>
        <Textarea rows={8} value={draft.items} onChange={(event) => set("items", event.target.value)} />
      </Field>
    </EditorFormShell>
  );
}

export function CriteriaForm({ versionId, fields, readOnly }: Props) {
  const form = useItemForm(fields, (value) => ({ items: value.criteria.map((criterion): { key: string | null; text: string } => criterion) }), (draft, lockVersion) =>
    updateCriteriaAction({ versionId, lockVersion, items: draft.items }),
  );
  const { draft, set, errors } = form;
  const items = draft.items;
  return (
    <EditorFormShell
      form={form}
      readOnly={readOnly}
      saveLabel="Save success criteria"
      labels={{ items: "success criteria" }}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-1.5 text-sm font-medium">Success criteria</legend>
        <p className="text-[0.8125rem] text-muted-foreground">Learners assess themselves against each one; a criterion keeps its assessments while it is not removed.</p>
        {items.map((item, index) => (
          <div key={item.key ?? `new-${index}`} className="flex items-end gap-2">
            <Field label={`Criterion ${index + 1}`} errors={errorsFor(errors, `items.${index}`)} className="flex-1">
              <Input value={item.text} onChange={(event) => set("items", items.map((other, i) => (i === index ? { ...other, text: event.target.value } : other)))} />
            </Field>
            <RowButtons items={items} index={index} noun="criterion" onChange={(next) => set("items", next)} />
          </div>
        ))}
        <Button type="button" variant="secondary" size="sm" className="justify-self-start" onClick={() => set("items", [...items, { key: null, text: "" }])}>
          <Plus aria-hidden />
          Add criterion
        </Button>
      </fieldset>
    </EditorFormShell>
  );
}

export function NotesForm({ versionId, fields, readOnly }: Props) {
  const form = useItemForm(fields, (value) => ({ items: value.notes }), (draft, lockVersion) => updateNotesAction({ versionId, lockVersion, items: draft.items }));
  const { draft, set, errors } = form;
  const items = draft.items;
  const update = (index: number, change: Partial<(typeof items)[number]>) => set("items", items.map((note, i) => (i === index ? { ...note, ...change } : note)));
  return (
    <EditorFormShell
      form={form}
      readOnly={readOnly}
      saveLabel="Save notes"
      labels={{ items: "notes" }}
    >
      <p className="text-sm text-muted-foreground">Notes are extra sections of the roadmap (for example “Recommended tools”); they are exported as their own sections.</p>
      {items.length === 0 ? <p className="text-sm text-muted-foreground">No notes.</p> : null}
      {items.map((note, index) => (
        <fieldset key={index} className="grid gap-3 rounded-md border border-border p-3">
          <legend className="px-1 text-sm font-medium">Note {index + 1}</legend>
          <div className="flex items-end gap-2">
            <Field label="Heading" errors={errorsFor(errors, `items.${index}.title`)} className="flex-1">
              <Input value={note.title} onChange={(event) => update(index, { title: event.target.value })} />
            </Field>
            <RowButtons items={items} index={index} noun="note" onChange={(next) => set("items", next)} />
          </div>
          <MarkdownField label="Text" value={note.body} onChange={(body) => update(index, { body })} errors={errorsFor(errors, `items.${index}.body`)} rows={5} />
        </fieldset>
      ))}
      <Button type="button" variant="secondary" size="sm" className="justify-self-start" onClick={() => set("items", [...items, { title: "", body: "" }])}>
        <Plus aria-hidden />
        Add note
      </Button>
    </EditorFormShell>
  );
}
