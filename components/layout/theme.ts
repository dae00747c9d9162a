// Shared by the server (root layout reads the cookie and renders <html data-theme>) and the client toggle,
// so it must not be a "use client" module: constants exported from one reach server code as references.

export const THEME_COOKIE = "cairn-theme";
export const THEME_STORAGE_KEY = "cairn-theme";
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

/** Turns an untrusted cookie or storage value into a theme; anything unknown means "follow the system". */
export function parseTheme(value: string | null | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
