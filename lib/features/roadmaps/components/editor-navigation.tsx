"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

type EditorNavigation = { pending: boolean; navigateTo: (item: string) => void };

const Context = createContext<EditorNavigation>({ pending: false, navigateTo: () => {} });

/**
 * Knows which outline item the admin just opened. Until the server renders it, the form still on screen belongs
 * to the previous item, so it is disabled: a quick click on "Archive" must never hit the wrong milestone.
 */
export function EditorNavigationProvider({ selected, children }: { selected: string; children: ReactNode }) {
  const [target, setTarget] = useState<string | null>(null);
  const [shown, setShown] = useState(selected);
  if (shown !== selected) {
    // Whatever brought a new item (a click, Back, a link elsewhere), the form on screen is now the right one.
    setShown(selected);
    setTarget(null);
  }
  const value = { pending: target !== null && target !== selected, navigateTo: setTarget };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useEditorNavigation(): EditorNavigation {
  return useContext(Context);
}
