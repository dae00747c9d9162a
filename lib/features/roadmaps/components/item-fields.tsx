"use client";

import { Plus } from "@/components/ui/icons/plus";
import { X } from "@/components/ui/icons/x";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { KEY_LOCKED_MESSAGE } from "@/lib/features/roadmaps/constants";
import type { EvidenceRequirement, RoadmapResource } from "@/lib/features/roadmaps/types";

type Errors = Record<string, string[]>;

/** Text with one entry per line ("Done when", the weekly rule); blank lines are dropped on save. */
export function toLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

export function KeyField({ value, locked, onChange, errors }: { value: string; locked: boolean; onChange: (value: string) => void; errors: Errors }) {
  return (
    <Field
      label="Key"
      hint={locked ? KEY_LOCKED_MESSAGE : "Progress attaches to the key. Lower-case letters, digits and hyphens."}
      errors={errorsFor(errors, "key")}
    >
      <Input value={value} onChange={(event) => onChange(event.target.value)} readOnly={locked} aria-readonly={locked || undefined} tone={locked ? "locked" : "default"} className="font-mono" spellCheck={false} autoCapitalize="off" />
    </Field>
  );
}

export function TitleField({ value, onChange, errors }: { value: string; onChange: (value: string) => void; errors: Errors }) {
  return (
    <Field label="Title" errors={errorsFor(errors, "title")}>
      <Input value={value} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

export function DoneWhenField({ value, onChange, errors }: { value: string; onChange: (value: string) => void; errors: Errors }) {
  return (
    <Field label="Done when" optional hint="One acceptance criterion per line." errors={errorsFor(errors, "doneWhen")}>
      <Textarea rows={4} value={value} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

export function ReviewFields({
  evidence,
  reviewRequired,
  onEvidence,
  onReview,
  errors,
  children,
}: {
  evidence: EvidenceRequirement;
  reviewRequired: boolean;
  onEvidence: (value: EvidenceRequirement) => void;
  onReview: (value: boolean) => void;
  errors: Errors;
  children?: ReactNode;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Evidence" errors={errorsFor(errors, "evidence")}>
        <Select value={evidence} onChange={(event) => onEvidence(event.target.value as EvidenceRequirement)}>
          <option value="none">None — ticking it is enough</option>
          <option value="optional">Optional</option>
          <option value="required">Required</option>
        </Select>
      </Field>
      {children}
      <div className="grid content-start gap-1.5 sm:col-span-2">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={reviewRequired} onChange={(event) => onReview(event.target.checked)} className="size-4 accent-[var(--color-accent)]" />
          Mentor review required
        </label>
        {errorsFor(errors, "reviewRequired")?.map((message) => (
          <p key={message} className="text-[0.8125rem] text-status-danger-fg">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}

export function ResourcesField({ value, onChange, errors }: { value: RoadmapResource[]; onChange: (value: RoadmapResource[]) => void; errors: Errors }) {
  const update = (index: number, change: Partial<RoadmapResource>) => onChange(value.map((resource, i) => (i === index ? { ...resource, ...change } : resource)));
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1.5 text-sm font-medium">
        Resources <span className="font-normal text-muted-foreground">(optional)</span>
      </legend>
      {value.map((resource, index) => (
        <div key={index} className="grid gap-2 rounded-md border border-border p-2 sm:grid-cols-[1fr_1.5fr_auto] sm:border-0 sm:p-0">
          <Field label={`Label ${index + 1}`} errors={errorsFor(errors, `resources.${index}.label`)}>
            <Input value={resource.label} onChange={(event) => update(index, { label: event.target.value })} />
          </Field>
          <Field label={`Link ${index + 1}`} errors={errorsFor(errors, `resources.${index}.url`)}>
            <Input type="url" inputMode="url" value={resource.url} onChange={(event) => update(index, { url: event.target.value })} placeholder="https://" />
          </Field>
          <Button type="button" variant="ghost" size="icon" className="self-end" aria-label={`Remove resource ${index + 1}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            <X />
          </Button>
        </div>
      ))}
      {errorsFor(errors, "resources")?.filter(() => value.length === 0).map((message) => (
        <p key={message} className="text-[0.8125rem] text-status-danger-fg">
          {message}
        </p>
      ))}
      <Button type="button" variant="secondary" size="sm" className="justify-self-start" onClick={() => onChange([...value, { label: "", url: "" }])}>
        <Plus aria-hidden />
        Add resource
      </Button>
    </fieldset>
  );
}
