"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/use-action";
import { addMilestoneAction, addPhaseAction, addProjectAction } from "@/lib/features/roadmaps/actions";
import { useEditorNavigation } from "@/lib/features/roadmaps/components/editor-navigation";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";

/** Where a new outline item goes: a phase or project of the version, or a milestone of a phase. */
export type AddTarget = { kind: "phase" | "project"; versionId: string } | { kind: "milestone"; phaseId: string };

function add(target: AddTarget, title: string) {
  if (target.kind === "milestone") return addMilestoneAction({ phaseId: target.phaseId, title });
  if (target.kind === "phase") return addPhaseAction({ versionId: target.versionId, title });
  return addProjectAction({ versionId: target.versionId, title });
}

/**
 * The outline's "Add …" form, loaded when someone first opens one: a title, then the new item opens in the editor.
 * Escape closes it (`onClose`).
 */
export function OutlineAddForm({ target, fieldLabel, basePath, onClose }: { target: AddTarget; fieldLabel: string; basePath: string; onClose: () => void }) {
  const router = useRouter();
  const { leave } = useEditorNavigation();
  const [error, setError] = useState<string | null>(null);
  const { pending, run } = useAction(EDITOR_SAVE);
  const { kind } = target;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    const result = await run(() => add(target, title));
    if (!result) return;
    if (!result.ok) return setError(result.fieldErrors?.title?.[0] ?? result.error);
    onClose();
    // The new item is saved either way; opening it waits for an answer when the form on screen has unsaved edits.
    leave(`${basePath}?item=${kind}:${result.data.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-1.5 p-1">
      <label className="sr-only" htmlFor={`add-${kind}-${fieldLabel}`}>
        {fieldLabel}
      </label>
      <div className="flex gap-1.5">
        <Input id={`add-${kind}-${fieldLabel}`} name="title" autoFocus placeholder="Title" aria-invalid={error ? true : undefined} onKeyDown={(event) => event.key === "Escape" && onClose()} />
        <Button type="submit" size={null} className="h-9 px-3 text-[0.8125rem]" loading={pending}>
          Add
        </Button>
      </div>
      {error ? <p className="text-[0.8125rem] text-status-danger-fg">{error}</p> : null}
    </form>
  );
}
