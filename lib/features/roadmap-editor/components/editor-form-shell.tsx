"use client";

import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ArchiveButton } from "@/lib/features/roadmap-editor/components/archive-button";
import { useEditorNavigation } from "@/lib/features/roadmap-editor/components/editor-navigation";
import { KIND_LABEL } from "@/lib/features/roadmap-editor/constants";

/**
 * The frame of every editor form: a disabled fieldset when the version is read-only, the conflict notice on
 * top, and "Save …" (plus archive/restore for phases, milestones and projects) at the bottom.
 */
export function EditorFormShell({
  form,
  readOnly,
  conflict,
  children,
  saveLabel,
  kind,
  id,
  archived = false,
}: {
  form: { onSubmit: (event: FormEvent) => void; pending: boolean };
  readOnly: boolean;
  conflict: ReactNode;
  children: ReactNode;
  saveLabel?: string;
  kind?: "phase" | "milestone" | "project";
  id?: string;
  archived?: boolean;
}) {
  const conflictRef = useRef<HTMLDivElement>(null);
  const { pending: leaving } = useEditorNavigation();
  const hasConflict = conflict !== null && conflict !== undefined;
  useEffect(() => {
    // The save button sits at the bottom of a long form: bring the explanation to where the person looks.
    if (hasConflict) conflictRef.current?.scrollIntoView({ block: "center" });
  }, [hasConflict]);
  return (
    <form onSubmit={form.onSubmit} className="grid gap-5 aria-busy:opacity-60" noValidate aria-busy={leaving || undefined}>
      {hasConflict ? <div ref={conflictRef}>{conflict}</div> : null}
      <fieldset disabled={readOnly || leaving} className="grid min-w-0 gap-5">
        {children}
      </fieldset>
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-2 border-t border-border pt-4">
          <Button type="submit" loading={form.pending} disabled={leaving}>
            {saveLabel ?? `Save ${kind ? KIND_LABEL[kind].toLowerCase() : "changes"}`}
          </Button>
          {kind && id ? <ArchiveButton kind={kind} id={id} archived={archived} disabled={leaving} /> : null}
        </div>
      )}
    </form>
  );
}
