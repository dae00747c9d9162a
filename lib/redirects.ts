// The one check for redirect targets that come from input (docs/security.md #15, #36). Runs on the server and in the
// browser: the login page, the sign-in form, next-auth's redirect callback and the invite forms all use it.

/** A base no real request has, so "same origin" after resolving means "a path on Cairn". */
const BASE = "http://cairn.invalid";

/** Far longer than any path Cairn links to; a longer target is someone probing, not a bookmark. */
const MAX_TARGET_LENGTH = 2048;

/**
 * Characters a browser drops or rewrites while parsing a URL (tabs and newlines vanish, a backslash becomes a slash
 * in http URLs, leading and trailing C0 controls and spaces are trimmed), plus the rest of the control and Unicode
 * space characters: a target containing any of them does not mean what it looks like, so it is refused outright.
 */
const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;

/**
 * Percent-encoded dot, slash, backslash and percent in the path. A browser resolves `%2e%2e` as `..`; a server or
 * proxy that decodes once more could turn `%2f%2f` or `%252f` into `//`. No path of Cairn's needs them.
 */
const ENCODED_SEPARATOR = /%(?:2e|2f|5c|25)/i;

/**
 * The same-origin path (with its query and fragment) that `value` resolves to, as the browser will resolve it, or
 * `fallback` when it could leave Cairn: anything that is not a string starting with "/", that resolves to another
 * origin or to a path starting with "//" (`/a/..//evil.example`, `/.//evil.example`), or that contains whitespace,
 * control characters, backslashes or encoded separators.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > MAX_TARGET_LENGTH) return fallback;
  if (UNSAFE_CHARACTER.test(value)) return fallback;
  const pathEnd = value.search(/[?#]/);
  if (ENCODED_SEPARATOR.test(pathEnd === -1 ? value : value.slice(0, pathEnd))) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: `url` may be a path or an absolute URL (its client sends the current page's full
 * address). Only a URL on `baseUrl`'s origin, whose path passes safeRedirectPath, is kept; anything else goes home.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  return `${origin}${safeRedirectPath(url.startsWith("/") ? url : sameOriginPath(url, origin))}`;
}

function sameOriginPath(url: string, origin: string): string | undefined {
  if (UNSAFE_CHARACTER.test(url)) return undefined;
  try {
    const absolute = new URL(url);
    return absolute.origin === origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : undefined;
  } catch {
    return undefined;
  }
}
