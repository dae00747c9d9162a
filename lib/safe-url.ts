// The one check every user-supplied link goes through (docs/security.md #16): on the way in (zod schemas) and again
// on the way out (SafeLink), so a row written by an older rule or by hand can never become a `javascript:` href.

export const URL_MAX_LENGTH = 2048;

// The WHATWG parser strips leading/trailing C0 controls and deletes tabs and newlines anywhere (`java\nscript:`
// parses as `javascript:`), so anything that the parser would silently rewrite is refused before parsing.
// Zero-width and bidi characters are refused too: they make a link read differently from where it goes.
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

// Requiring the literal scheme and `//` up front refuses what the parser would otherwise accept or repair:
// protocol-relative `//host`, `https:host`, `https:///host` (slashes repaired), entity- or percent-encoded schemes.
const HTTP_PREFIX = /^https?:\/\/(?!\/)/i;

/** The URL when `raw` is an absolute http(s) link a person can safely open; `null` for anything else. */
export function parseHttpUrl(raw: string): URL | null {
  if (typeof raw !== "string") return null;
  const value = raw.trim();
  if (value.length === 0 || value.length > URL_MAX_LENGTH) return null;
  if (CONTROL_OR_SPACE.test(value) || value.includes("\\")) return null;
  if (!HTTP_PREFIX.test(value)) return null;

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.hostname === "") return null;
  // `https://trusted.example@evil.example` reads as the first host and goes to the second.
  if (url.username !== "" || url.password !== "") return null;
  return url;
}

export function isSafeHttpUrl(raw: string): boolean {
  return parseHttpUrl(raw) !== null;
}

/** `rel` of every link to a user-supplied address: no handle on Cairn's window, no referrer, no endorsement. */
export const USER_LINK_REL = "noopener noreferrer nofollow ugc";

export type UserLinkAttributes = { href: string; target: "_blank"; rel: typeof USER_LINK_REL };

/** The anchor attributes of a user-supplied link (a new tab, USER_LINK_REL), or `null` when it must stay text. */
export function userLinkAttributes(raw: string | null | undefined): UserLinkAttributes | null {
  const url = typeof raw === "string" ? parseHttpUrl(raw) : null;
  return url ? { href: url.href, target: "_blank", rel: USER_LINK_REL } : null;
}
