/** Only same-site paths may be redirect targets (docs/security.md #15): "/x" yes; "//evil", "/\\evil", "https://…" no. */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, "http://cairn.invalid");
    if (url.origin !== "http://cairn.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
