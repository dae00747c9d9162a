"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { useEditorNavigation } from "@/lib/features/roadmaps/components/editor-navigation";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";
import type { SaveResult } from "@/lib/features/roadmaps/types";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * State of one editor form: the person's draft, the version it was loaded from (`base`), field errors and —
 * after a stale save — what someone else saved. On a conflict the form merges field by field: a field this
 * person did not touch takes the saved value, a field they changed keeps theirs; the lockVersion moves to the
 * saved one, so saving again deliberately re-applies exactly their own changes on top. While the draft differs from
 * what was loaded or saved, the editor asks before anything navigates away from it (decision 047).
 */
export function useItemForm<T extends { lockVersion: number }, D extends object>(
  initial: T,
  toDraft: (value: T) => D,
  submit: (draft: D, lockVersion: number) => Promise<SaveResult<T>>,
) {
  const router = useRouter();
  const [draft, setDraft] = useState<D>(() => toDraft(initial));
  const [base, setBase] = useState<D>(() => toDraft(initial));
  const [lockVersion, setLockVersion] = useState(initial.lockVersion);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<D | null>(null);
  const { pending, run } = useAction(EDITOR_SAVE);
  const { setDirty } = useEditorNavigation();
  const dirty = !same(draft, base);
  useEffect(() => {
    setDirty(dirty);
    return () => setDirty(false);
  }, [dirty, setDirty]);

  function set<K extends keyof D>(field: K, value: D[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => submit(draft, lockVersion));
    if (!result) return;
    if (!result.ok) {
      if ("current" in result) {
        const theirs = toDraft(result.current);
        const merged = { ...draft };
        for (const field of Object.keys(theirs) as (keyof D)[]) {
          if (same(draft[field], base[field])) merged[field] = theirs[field];
        }
        setDraft(merged);
        setBase(theirs);
        setConflict(theirs);
        setLockVersion(result.current.lockVersion);
      }
      setErrors(("fieldErrors" in result && result.fieldErrors) || {});
      return;
    }
    setDraft(toDraft(result.data));
    setBase(toDraft(result.data));
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
