"use client";

import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ArchiveButton } from "@/lib/features/roadmaps/components/archive-button";
import { ConflictNotice } from "@/lib/features/roadmaps/components/conflict-notice";
import { useEditorNavigation } from "@/lib/features/roadmaps/components/editor-navigation";
import { KIND_LABEL } from "@/lib/features/roadmaps/constants";

/** What the frame needs of a form's state (useItemForm). */
export type ShellForm<D extends object> = {
  onSubmit: (event: FormEvent) => void;
  pending: boolean;
  draft: D;
  conflict: D | null;
  useTheirs: () => void;
  restored: boolean;
  discardRestored: () => void;
};

/**
 * The frame of every editor form: a disabled fieldset when the version is read-only, the conflict notice on
 * top (naming the fields by `labels`), and "Save …" (plus archive/restore for phases, milestones and projects)
 * at the bottom.
 */
export function EditorFormShell<D extends object>({
  form,
  readOnly,
  labels,
  children,
  saveLabel,
  kind,
  id,
  archived = false,
}: {
  form: ShellForm<D>;
  readOnly: boolean;
  labels: Partial<Record<keyof D, string>>;
  children: ReactNode;
  saveLabel?: string;
  kind?: "phase" | "milestone" | "project";
  id?: string;
  archived?: boolean;
}) {
  const conflictRef = useRef<HTMLDivElement>(null);
  const { pending: leaving } = useEditorNavigation();
  const hasConflict = form.conflict !== null;
  useEffect(() => {
    // The save button sits at the bottom of a long form: bring the explanation to where the person looks.
    if (hasConflict) conflictRef.current?.scrollIntoView({ block: "center" });
  }, [hasConflict]);
  return (
    <form onSubmit={form.onSubmit} className="grid gap-5 aria-busy:opacity-60" noValidate aria-busy={leaving || undefined}>
      {form.restored ? (
        <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-status-info-border bg-status-info-subtle px-3 py-2 text-sm text-status-info-fg">
          <span className="min-w-0 flex-1">Your unsaved edits are back, as you left them. They are not saved yet.</span>
          <Button type="button" size="sm" variant="secondary" onClick={form.discardRestored}>
            Discard them
          </Button>
        </div>
      ) : null}
      {form.conflict !== null ? (
        <div ref={conflictRef}>
          <ConflictNotice theirs={form.conflict} mine={form.draft} labels={labels} onUseTheirs={form.useTheirs} />
        </div>
      ) : null}
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
