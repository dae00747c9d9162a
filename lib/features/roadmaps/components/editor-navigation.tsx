"use client";

import { useRouter } from "next/navigation";
import { createContext, lazy, Suspense, useContext, useEffect, useState, type ReactNode } from "react";
import { clearStash } from "@/lib/features/roadmaps/components/draft-stash";

type EditorNavigation = {
  pending: boolean;
  navigateTo: (item: string) => void;
  setDirty: (dirty: boolean) => void;
  /** Goes to `href` from code (not a link click), asking first when the form on screen has unsaved edits. */
  leave: (href: string) => void;
  /** Where the form on screen keeps its unsaved edits in this tab (draft-stash.ts); null outside the editor. */
  draftKey: string | null;
};

const Context = createContext<EditorNavigation>({ pending: false, navigateTo: () => {}, setDirty: () => {}, leave: () => {}, draftKey: null });

// Radix's dialog loads when someone first tries to leave unsaved edits (decision 027).
const DiscardChangesDialog = lazy(() =>
  import("@/lib/features/roadmaps/components/editor-dialogs").then((module) => ({ default: module.DiscardChangesDialog })),
);

/** The same-origin page a click on `target` would open, or null for a new tab, a download, another site or a hash. */
function leavingFor(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return null;
  if (url.pathname === location.pathname && url.search === location.search) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Knows which outline item the admin just opened. Until the server renders it, the form still on screen belongs
 * to the previous item, so it is disabled: a quick click on "Archive" must never hit the wrong milestone.
 *
 * It also keeps unsaved edits (decision 047): while the form on screen has some, a click on any link of the page
 * asks "Discard unsaved changes?" first, and closing or reloading the tab asks the browser's own question. What
 * nothing can ask about — Back and Forward — the form's stash under `draftKey` covers (decision 055).
 */
export function EditorNavigationProvider({ versionId, selected, children }: { versionId: string; selected: string; children: ReactNode }) {
  const router = useRouter();
  const [target, setTarget] = useState<string | null>(null);
  const [shown, setShown] = useState(selected);
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const draftKey = `${versionId}:${selected}`;
  if (shown !== selected) {
    // Whatever brought a new item (a click, Back, a link elsewhere), the form on screen is now the right one.
    setShown(selected);
    setTarget(null);
  }

  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      const href = leavingFor(event);
      if (href === null) return;
      // Captured on the document, before React's root sees the click: the Link underneath never navigates.
      event.preventDefault();
      event.stopPropagation();
      setAsking(href);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [dirty]);

  function discard() {
    if (asking === null) return;
    const item = new URL(asking, location.href).searchParams.get("item");
    if (item !== null) setTarget(item);
    clearStash(draftKey);
    setDirty(false);
    setAsking(null);
    router.push(asking, { scroll: false });
  }

  function leave(href: string) {
    if (dirty) setAsking(href);
    else router.push(href, { scroll: false });
  }

  const value = { pending: target !== null && target !== selected, navigateTo: setTarget, setDirty, leave, draftKey };
  return (
    <Context.Provider value={value}>
      {children}
      <Suspense fallback={null}>{asking !== null ? <DiscardChangesDialog onDiscard={discard} onKeep={() => setAsking(null)} /> : null}</Suspense>
    </Context.Provider>
  );
}

export function useEditorNavigation(): EditorNavigation {
  return useContext(Context);
}
