// The security headers every response carries (docs/security.md #19, #40). proxy.ts sets them on everything it
// sees, with a per-request CSP nonce; next.config.ts sets them on what the proxy never sees (built assets and the
// files Next serves itself). This module has no imports: next.config.ts loads it before the app is built.

/** Headers that mean the same for every response, HTML or not. */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** The policy for HTML: scripts run only with this request's nonce. */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes come from React and Radix positioning; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy for files that are not pages (scripts, styles, fonts, the icon, robots.txt). Nothing in them may load
 * or run anything when opened on their own — an SVG icon opened directly is a document that could run script.
 */
export const ASSET_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
