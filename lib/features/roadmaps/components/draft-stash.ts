/**
 * Unsaved editor edits kept in this tab's sessionStorage while they differ from what was saved (decision 055), so
 * the browser's Back and Forward — which no page can cancel — and a reload bring them back instead of dropping them.
 * A stash holds the lock version and values the edits started from (`base`) next to the edits, so a form that
 * comes back after someone else saved can merge field by field like a stale save does.
 */
export type DraftStash<D> = { lockVersion: number; base: D; draft: D };

const PREFIX = "cairn:editor-draft:";

export function readStash<D>(key: string): DraftStash<D> | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as DraftStash<D>);
  } catch {
    // Storage switched off, or a value this version of Cairn cannot read: there is nothing to bring back.
    return null;
  }
}

export function writeStash<D>(key: string, stash: DraftStash<D>) {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(stash));
  } catch {
    // Storage full or switched off: the dialog and the browser's own question still guard the edits.
  }
}

export function clearStash(key: string) {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing was stored.
  }
}
