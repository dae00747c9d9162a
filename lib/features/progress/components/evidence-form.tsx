"use client";

import { Plus } from "@/components/ui/icons/plus";
import { X } from "@/components/ui/icons/x";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { submitEvidenceAction } from "@/lib/features/progress/actions";
import { EVIDENCE_LINKS_MAX } from "@/lib/features/progress/constants";

type Row = { id: number; url: string; label: string };

let rowId = 0;
const emptyRow = (): Row => ({ id: (rowId += 1), url: "", label: "" });
const rowOf = (link: { url: string; label: string | null }): Row => ({ id: (rowId += 1), url: link.url, label: link.label ?? "" });

/**
 * "Evidence links" (1–10, each with an optional label) and a Markdown "Note"; errors sit next to their field.
 * `previous` fills the form with the attempt changes were requested on, so a resubmission starts from it.
 */
export function EvidenceForm({
  cohortId,
  itemKey,
  reviewRequired,
  previous,
}: {
  cohortId: string;
  itemKey: string;
  reviewRequired: boolean;
  previous?: { links: { url: string; label: string | null }[]; note: string };
}) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() => (previous && previous.links.length > 0 ? previous.links.map(rowOf) : [emptyRow()]));
  const [note, setNote] = useState(previous?.note ?? "");
  const { pending, run, fieldErrors: errors } = useAction({ unreachable: "Cairn could not be reached. Nothing was submitted; try again." });
  // One key per filled-in form: a double click or a retry after a lost response creates one attempt.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const links = rows.map((row) => ({ url: row.url, ...(row.label.trim() ? { label: row.label } : {}) }));
    const result = await run(() => submitEvidenceAction({ cohortId, itemKey, links, note, idempotencyKey }));
    if (!result?.ok) return;
    setRows([emptyRow()]);
    setNote("");
    setIdempotencyKey(crypto.randomUUID());
    toast({
      title: result.data.alreadyPending
        ? "An attempt is already waiting for review."
        : reviewRequired
          ? `Attempt ${result.data.attempt} submitted for review.`
          : "Evidence saved; the milestone is done.",
      variant: "success",
    });
    router.refresh();
  }

  const update = (id: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Evidence">
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Evidence links</legend>
        {errors.links ? (
          <p role="alert" className="text-sm text-status-danger-fg">
            {errors.links.join(" ")}
          </p>
        ) : null}
        {rows.map((row, index) => (
          <div key={row.id} className="grid gap-2 rounded-lg border border-border p-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
            <Field label={`Link ${index + 1} URL`} errors={errors[`links.${index}.url`]}>
              <Input
                type="url"
                inputMode="url"
                placeholder="https://github.com/you/project/pull/1"
                value={row.url}
                onChange={(event) => update(row.id, { url: event.target.value })}
                required
              />
            </Field>
            <Field label={`Link ${index + 1} label`} optional errors={errors[`links.${index}.label`]}>
              <Input value={row.label} onChange={(event) => update(row.id, { label: event.target.value })} />
            </Field>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="sm:mt-6"
              disabled={rows.length === 1}
              onClick={() => setRows((current) => current.filter((other) => other.id !== row.id))}
              aria-label={`Remove link ${index + 1}`}
            >
              <X aria-hidden />
            </Button>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={rows.length >= EVIDENCE_LINKS_MAX}
            onClick={() => setRows((current) => [...current, emptyRow()])}
          >
            <Plus aria-hidden />
            Add another link
          </Button>
        </div>
      </fieldset>
      <Field label="Note" optional hint="Markdown. What should your mentor look at first?" errors={errors.note}>
        <Textarea value={note} onChange={(event) => setNote(event.target.value)} rows={4} />
      </Field>
      {errors.form ? (
        <p role="alert" className="text-sm text-status-danger-fg">
          {errors.form.join(" ")}
        </p>
      ) : null}
      <div>
        <Button type="submit" loading={pending}>
          {reviewRequired ? "Submit for review" : "Save evidence"}
        </Button>
      </div>
    </form>
  );
}
