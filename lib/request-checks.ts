// Request-level refusals that proxy.ts answers before any page, action or handler runs (docs/security.md #20, #21,
// #39). Each one would otherwise surface from inside Next.js as a 500 with an opaque digest. No imports beyond the
// Web platform: next.config.ts reads the body limit from here before the app is built.

/**
 * The largest request body Cairn reads: server actions (Next's own limit is set from this) and every other
 * mutating request. The roadmap import needs the most: a 1 MB file, JSON-encoded into the action's arguments.
 */
export const REQUEST_BODY_LIMIT_BYTES = 1.5 * 1024 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** C0 controls and DEL never belong in a path; decoded, they would reach lookups as NUL or line breaks. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export const BAD_REQUEST_MESSAGE = "This address is not valid: part of it is wrongly encoded. Check the link, or go to Cairn's home page.";
export const CROSS_ORIGIN_MESSAGE = "Cairn refused this request because it came from another site. Reload Cairn and try again.";
export const TOO_LARGE_MESSAGE = `This request is larger than Cairn accepts (at most ${REQUEST_BODY_LIMIT_BYTES / 1024 / 1024} MB). Shorten the text or split the file, then try again.`;

export type Refusal = { status: 400 | 403 | 413; body: string; contentType: string };

/** True when a path segment is not valid percent-encoded UTF-8, or decodes to a control character. */
export function isMalformedPath(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    if (CONTROL_CHARACTER.test(decoded)) return true;
  }
  return false;
}

/**
 * The host a browser's Origin must name for a same-origin request, exactly as Next.js compares it for server
 * actions: the first X-Forwarded-Host if any (Next sets it from Host when no proxy did), else Host.
 */
function expectedHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/**
 * A state-changing request sent from another site. Browsers send Origin on every cross-origin POST and on
 * same-origin ones too; a request without it (curl, an API client) carries no ambient cookies a page could borrow,
 * unless a browser says by Sec-Fetch-Site that another site sent it.
 */
export function isCrossOriginWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "cross-site";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, some redirects) and anything unparsable cannot be ours.
    return true;
  }
  return originHost === "" || originHost !== expectedHost(headers);
}

function bodyTooLarge(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const length = headers.get("content-length");
  return length !== null && !(/^\d{1,16}$/.test(length.trim()) && Number(length) <= REQUEST_BODY_LIMIT_BYTES);
}

/**
 * A body sent without Content-Length (chunked) is counted as it arrives, up to the limit, from a copy of the stream;
 * the app still reads the original. Next would otherwise stop it at its own limit with a 500.
 */
export async function refuseLongStream(request: Request): Promise<Refusal | null> {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || request.headers.has("content-length") || !request.body) return null;
  const body = request.clone().body;
  if (!body) return null;
  const reader = body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return null;
    received += value.byteLength;
    if (received > REQUEST_BODY_LIMIT_BYTES) {
      // Not awaited: a tee'd copy's cancel settles only once the original is cancelled or read to the end, and
      // Next reads the original only after the proxy has answered.
      void reader.cancel();
      return { status: 413, body: TOO_LARGE_MESSAGE, contentType: "text/plain" };
    }
  }
}

/** A minimal page: the request never reached the app, so it cannot use the app's layout. */
function plainPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${title} · Cairn</title><style>body{font-family:system-ui,sans-serif;display:grid;min-height:100dvh;place-items:center;margin:0;padding:1rem;color:#1f2937;background:#fff}main{max-width:28rem;text-align:center}a{color:#2563eb}@media (prefers-color-scheme:dark){body{color:#e5e7eb;background:#111827}a{color:#93c5fd}}</style></head><body><main id="main"><p>400</p><h1>${title}</h1><p>${message}</p><p><a href="/">Go to my home</a></p></main></body></html>`;
}

/**
 * The refusal for a request that must not reach the app, or null. Messages for action posts are plain text with
 * exactly `text/plain`: that is the one shape Next's client turns into an error carrying the message.
 */
export function refuseRequest(method: string, pathname: string, headers: Headers): Refusal | null {
  if (isMalformedPath(pathname)) {
    return { status: 400, body: plainPage("Bad address", BAD_REQUEST_MESSAGE), contentType: "text/html; charset=utf-8" };
  }
  if (isCrossOriginWrite(method, headers)) return { status: 403, body: CROSS_ORIGIN_MESSAGE, contentType: "text/plain" };
  if (bodyTooLarge(method, headers)) return { status: 413, body: TOO_LARGE_MESSAGE, contentType: "text/plain" };
  return null;
}
