"use client";

import { FileUp } from "@/components/ui/icons/file-up";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/use-action";
import { importRoadmapAction, previewRoadmapImportAction } from "@/lib/features/roadmaps/actions";
import { ImportPreview, ImportProblems } from "@/lib/features/roadmaps/components/import-preview";
import { fileTooLargeMessage, ROADMAP_FILE_MAX_BYTES } from "@/lib/features/roadmaps/constants";
import type { RoadmapImportFormat, RoadmapImportPreview, RoadmapImportProblem } from "@/lib/features/roadmaps/types";

type Source = "file" | "paste";

const UNREACHABLE = "Cairn could not be reached. Nothing was imported; try again.";

/**
 * Admin → "Import roadmap": a file (read in the browser) or pasted text → "Preview" (parsed on the server, nothing
 * written) → "Import as draft" (parsed again on the server and written as a draft), then the editor opens.
 */
export function ImportRoadmapForm() {
  const router = useRouter();
  const problemsId = useId();
  const [source, setSource] = useState<Source>("file");
  const [format, setFormat] = useState<RoadmapImportFormat>("markdown");
  const [fileText, setFileText] = useState<{ name: string; text: string } | null>(null);
  const [pasted, setPasted] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ file?: string[]; text?: string[] }>({});
  const [problems, setProblems] = useState<RoadmapImportProblem[] | null>(null);
  const [preview, setPreview] = useState<RoadmapImportPreview | null>(null);
  const previewing = useAction({ unreachable: UNREACHABLE, say: "alert", fields: false });
  /** A refusal of "Import as draft" (an open draft, say) is shown next to that button. */
  const importing = useAction({ unreachable: UNREACHABLE, say: "alert", fields: false });
  const pending = previewing.pending || importing.pending;

  /** Whatever the admin changes, an earlier preview no longer describes it. */
  function reset() {
    setProblems(null);
    setPreview(null);
    previewing.setAlert(null);
    importing.setAlert(null);
    setFieldErrors({});
  }

  function currentInput(): { format: RoadmapImportFormat; text: string } | null {
    if (source === "file") {
      if (!fileText) {
        setFieldErrors({ file: ["Choose a .md or .json file."] });
        return null;
      }
      return { format: fileText.name.toLowerCase().endsWith(".json") ? "json" : "markdown", text: fileText.text };
    }
    if (pasted.trim() === "") {
      setFieldErrors({ text: ["Paste the roadmap, or choose a file instead."] });
      return null;
    }
    const bytes = new TextEncoder().encode(pasted).length;
    if (bytes > ROADMAP_FILE_MAX_BYTES) {
      setFieldErrors({ text: [fileTooLargeMessage(bytes)] });
      return null;
    }
    return { format, text: pasted };
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    reset();
    setFileText(null);
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    // Checked here so a large file is never sent; the server checks again.
    if (file.size > ROADMAP_FILE_MAX_BYTES) {
      setFieldErrors({ file: [fileTooLargeMessage(file.size)] });
      return;
    }
    try {
      setFileText({ name: file.name, text: await file.text() });
    } catch {
      setFieldErrors({ file: ["This file could not be read. Choose it again, or paste its text instead."] });
    }
  }

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const input = currentInput();
    if (!input) return;
    const result = await previewing.run(() => previewRoadmapImportAction(input));
    if (!result?.ok) return;
    if (result.data.status === "invalid") {
      setProblems(result.data.problems);
      // Move focus to the list so keyboard and screen-reader users land on the problems.
      requestAnimationFrame(() => document.getElementById(problemsId)?.focus());
      return;
    }
    setPreview(result.data.preview);
  }

  async function onImport() {
    const input = currentInput();
    if (!input) return;
    const result = await importing.run(() => importRoadmapAction(input), { leaving: (answer) => answer.data.status === "imported" });
    if (!result?.ok) return;
    if (result.data.status === "invalid") {
      setPreview(null);
      setProblems(result.data.problems);
      return;
    }
    toast({ title: "Roadmap imported as a draft", description: `Version ${result.data.number} is open in the editor.`, variant: "success" });
    router.push(result.data.href);
  }

  return (
    <div className="grid gap-6">
      <form onSubmit={onPreview} noValidate className="grid gap-5">
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Source</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {(
              [
                ["file", "Upload a file"],
                ["paste", "Paste text"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex cursor-pointer items-center gap-2">
                <input
                  type="radio"
                  name="source"
                  value={value}
                  checked={source === value}
                  onChange={() => {
                    reset();
                    setSource(value);
                  }}
                  className="size-4 accent-accent"
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>

        {source === "file" ? (
          <Field
            label="Roadmap file"
            hint={
              fileText
                ? `${fileText.name} · read as ${fileText.name.toLowerCase().endsWith(".json") ? "JSON" : "Markdown"}`
                : "A .md (Markdown) or .json file exported from Cairn or written by hand, up to 1 MB."
            }
            errors={fieldErrors.file}
          >
            <Input type="file" name="file" accept=".md,.markdown,.json,text/markdown,application/json" onChange={onFile} />
          </Field>
        ) : (
          <>
            <Field label="Format" hint="How the pasted text is written." className="sm:max-w-xs">
              <Select
                name="format"
                value={format}
                onChange={(event) => {
                  reset();
                  setFormat(event.currentTarget.value === "json" ? "json" : "markdown");
                }}
              >
                <option value="markdown">Markdown</option>
                <option value="json">JSON</option>
              </Select>
            </Field>
            <Field label="Roadmap text" hint="Starts with “# Title” (Markdown) or “{” (JSON)." errors={fieldErrors.text}>
              <Textarea
                name="text"
                rows={14}
                spellCheck={false}
                autoComplete="off"
                value={pasted}
                onChange={(event) => {
                  reset();
                  setPasted(event.currentTarget.value);
                }}
                textSize="code"
                className="font-mono leading-5"
              />
            </Field>
          </>
        )}

        {previewing.alert ? <FormAlert>{previewing.alert}</FormAlert> : null}

        <div>
          <Button type="submit" variant={preview ? "secondary" : "primary"} loading={previewing.pending} disabled={pending}>
            <FileUp aria-hidden />
            Preview
          </Button>
        </div>
      </form>

      {problems ? (
        <div tabIndex={-1} id={problemsId} className="outline-none">
          <ImportProblems problems={problems} />
        </div>
      ) : null}

      {preview ? (
        <div className="grid gap-5 border-t border-border pt-5">
          <ImportPreview preview={preview} />
          {preview.blockedBy ? <FormAlert tone="warning">{preview.blockedBy}</FormAlert> : null}
          {importing.alert ? <FormAlert>{importing.alert}</FormAlert> : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button
              type="button"
              onClick={onImport}
              loading={importing.pending}
              disabled={pending || preview.blockedBy !== null}
            >
              Import as draft
            </Button>
            <span className="text-sm text-muted-foreground">Nothing is published: the draft opens in the editor.</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
