"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import type { SaveResult } from "@/lib/features/roadmap-editor/types";
import { useRunAction } from "@/lib/features/roadmap-editor/components/use-run-action";

/**
 * State of one editor form: the person's draft, the lockVersion it was loaded at, field errors and — after a
 * stale save — the version someone else saved. On a conflict the draft is kept and the lockVersion moves to
 * theirs, so saving again deliberately re-applies these changes on top of what is saved now.
 */
export function useItemForm<T extends { lockVersion: number }, D>(
  initial: T,
  toDraft: (value: T) => D,
  submit: (draft: D, lockVersion: number) => Promise<SaveResult<T>>,
) {
  const router = useRouter();
  const [draft, setDraft] = useState<D>(() => toDraft(initial));
  const [lockVersion, setLockVersion] = useState(initial.lockVersion);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<D | null>(null);
  const { pending, run } = useRunAction();

  function set<K extends keyof D>(field: K, value: D[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => submit(draft, lockVersion));
    if (!result) return;
    if (!result.ok) {
      if ("current" in result) {
        setConflict(toDraft(result.current));
        setLockVersion(result.current.lockVersion);
      }
      setErrors(("fieldErrors" in result && result.fieldErrors) || {});
      return;
    }
    setDraft(toDraft(result.data));
    setLockVersion(result.data.lockVersion);
    setErrors({});
    setConflict(null);
    toast({ title: "Saved", variant: "success" });
    router.refresh();
  }

  function useTheirs() {
    if (conflict) setDraft(conflict);
    setConflict(null);
    setErrors({});
  }

  return { draft, set, errors, conflict, pending, onSubmit, useTheirs };
}
