"use client";

import { lazy, useEffect, useSyncExternalStore, type ReactNode } from "react";

import { THEME_COOKIE, THEME_STORAGE_KEY, parseTheme, type Theme } from "@/components/layout/theme";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";

const ThemeMenu = lazy(() => import("@/components/layout/theme-menu").then((module) => ({ default: module.ThemeMenu })));

const OPTIONS = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
] as const satisfies readonly { value: Theme; label: string }[];

const ONE_YEAR_S = 60 * 60 * 24 * 365;

/** Applies a theme to <html> and remembers it in a cookie (read by the server on the next request) and storage. */
export function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax${secure}`;
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage can be disabled (private mode, policies); the cookie alone is enough.
  }
}

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  // Another tab changed the theme: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY) document.documentElement.dataset.theme = parseTheme(event.newValue);
  };
  window.addEventListener("storage", onStorage);
  return () => {
    observer.disconnect();
    window.removeEventListener("storage", onStorage);
  };
}

/**
 * Light / dark / system menu. No inline script is needed (so a nonce-based CSP stays intact): the root layout
 * renders `<html data-theme={parseTheme(cookies().get(THEME_COOKIE)?.value)}>` and passes the same value here.
 * `icons` are drawn by the server component that renders the toggle, so their shapes are no part of the page's
 * JavaScript (decision 044).
 */
export function ThemeToggle({ initialTheme = "system", icons }: { initialTheme?: Theme; icons: Record<Theme, ReactNode> }) {
  const theme = useSyncExternalStore(
    subscribe,
    () => parseTheme(document.documentElement.dataset.theme),
    () => initialTheme,
  );

  useEffect(() => {
    // The cookie may be missing (expired, cleared) while storage still has a choice: restore it.
    if (document.cookie.split("; ").some((pair) => pair.startsWith(`${THEME_COOKIE}=`))) return;
    try {
      const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
      if (stored) applyTheme(parseTheme(stored));
    } catch {
      // Storage unavailable: stay on the system theme.
    }
  }, []);

  const current = OPTIONS.find((option) => option.value === theme) ?? OPTIONS[2];
  const trigger = (
    <Button variant="ghost" size="icon" aria-label={`Theme: ${current.label}`}>
      {icons[current.value]}
    </Button>
  );

  return (
    <DeferredPopup trigger={trigger} kind="menu">
      <ThemeMenu options={OPTIONS} icons={icons} theme={theme} onChange={applyTheme} trigger={trigger} />
    </DeferredPopup>
  );
}
