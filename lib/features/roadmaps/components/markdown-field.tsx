"use client";

import { lazy, Suspense, useDeferredValue } from "react";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

// The renderer (about 40 kB) is the editor's largest module and only the preview needs it: it loads after the page,
// and the server-rendered preview stays on screen until it has (decision 031).
const Markdown = lazy(() => import("@/components/markdown").then((module) => ({ default: module.Markdown })));

/** A Markdown textarea with a live, sanitized preview rendered by the same component learners see. */
export function MarkdownField({
  label,
  value,
  onChange,
  errors,
  rows = 8,
  optional = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  rows?: number;
  optional?: boolean;
}) {
  const preview = useDeferredValue(value);
  return (
    <div className="grid gap-2 lg:grid-cols-2 lg:gap-4">
      <Field label={label} optional={optional} hint="Markdown: **bold**, lists, links, `code`, fenced code blocks." errors={errors}>
        <Textarea rows={rows} value={value} onChange={(event) => onChange(event.target.value)} textSize="code" className="font-mono" />
      </Field>
      <div className="grid content-start gap-1.5">
        <p className="text-sm font-medium" aria-hidden>
          Preview
        </p>
        <div aria-label={`${label} preview`} role="region" className="min-h-20 rounded-md border border-dashed border-border p-3">
          {preview.trim() ? (
            <Suspense fallback={<p className="text-sm text-muted-foreground">Loading the preview…</p>}>
              <Markdown>{preview}</Markdown>
            </Suspense>
          ) : (
            <p className="text-sm text-muted-foreground">Nothing to preview yet.</p>
          )}
        </div>
      </div>
    </div>
  );
}
