"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { clearStash, readStash, writeStash } from "@/lib/features/roadmaps/components/draft-stash";
import { useEditorNavigation } from "@/lib/features/roadmaps/components/editor-navigation";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";
import type { SaveResult } from "@/lib/features/roadmaps/types";

const subscribeToNothing = () => () => {};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `mine` (edited from `base`) on top of what someone else saved: fields this person left alone take their value. */
function mergeOnto<D extends object>(mine: D, base: D, theirs: D): D {
  const merged = { ...mine };
  for (const field of Object.keys(theirs) as (keyof D)[]) {
    if (same(mine[field], base[field])) merged[field] = theirs[field];
  }
  return merged;
}

/**
 * State of one editor form: the person's draft, the version it was loaded from (`base`), field errors and —
 * after a stale save — what someone else saved. On a conflict the form merges field by field: a field this
 * person did not touch takes the saved value, a field they changed keeps theirs; the lockVersion moves to the
 * saved one, so saving again deliberately re-applies exactly their own changes on top. While the draft differs from
 * what was loaded or saved, the editor asks before anything navigates away from it (decision 047), and the draft is
 * stashed in the tab so Back, Forward or a reload bring it back (decision 055) — merged the same way when someone
 * saved the item in between.
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
  const [restored, setRestored] = useState(false);
  const { pending, run } = useAction(EDITOR_SAVE);
  const { setDirty, draftKey } = useEditorNavigation();
  const dirty = !same(draft, base);
  useEffect(() => {
    setDirty(dirty);
    return () => setDirty(false);
  }, [dirty, setDirty]);

  // The stash is read once the page is hydrated (the server has no sessionStorage), during render, so the edits
  // appear without a flash of the saved values; until then nothing is written over it.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [checked, setChecked] = useState<string | null>(null);
  if (hydrated && draftKey !== null && checked !== draftKey) {
    setChecked(draftKey);
    const stash = readStash<D>(draftKey);
    if (stash !== null) {
      const theirs = toDraft(initial);
      if (stash.lockVersion === initial.lockVersion || same(stash.base, theirs)) {
        // Nothing this form edits was saved since (a save of the version's other fields moves the lock version too).
        setDraft(stash.draft);
      } else {
        setDraft(mergeOnto(stash.draft, stash.base, theirs));
        setConflict(theirs);
      }
      setRestored(true);
    }
  }
  useEffect(() => {
    if (draftKey === null || checked !== draftKey) return;
    if (dirty) writeStash(draftKey, { lockVersion, base, draft });
    else clearStash(draftKey);
  }, [draftKey, checked, dirty, lockVersion, base, draft]);

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
        setDraft(mergeOnto(draft, base, theirs));
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
    setRestored(false);
    toast({ title: "Saved", variant: "success" });
    router.refresh();
  }

  function useTheirs() {
    if (conflict) setDraft(conflict);
    setConflict(null);
    setErrors({});
  }

  /** "Discard them": the form goes back to what is saved, as if the edits had never been brought back. */
  function discardRestored() {
    setDraft(base);
    setConflict(null);
    setErrors({});
    setRestored(false);
  }

  return { draft, set, errors, conflict, pending, onSubmit, useTheirs, restored, discardRestored };
}
