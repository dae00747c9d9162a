// Talking to a running Cairn the way a browser does: signing in through next-auth's credentials endpoint, finding
// server action ids in the JavaScript a page ships, and the requests that call an action.

/** `name=value` pairs of the Set-Cookie headers of a response. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/**
 * Signs in with email and password (CSRF token, then the credentials callback) and returns the Cookie header that
 * carries the session; the session is then checked with /api/auth/session, as the app would read it.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseUrl, json: "true" }),
  });
  const session = cookiesOf(response).find((cookie) => /^(__Secure-)?next-auth\.session-token=/.test(cookie));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status}); check the account and its password.`);
  const check = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: session } });
  const body = (await check.json()) as { uid?: string };
  if (!body.uid) throw new Error(`Signed in as ${email}, but the session is not accepted.`);
  return session;
}

/**
 * The ids of the named server actions, read from the script chunks `pagePath` loads — the same ids the page's
 * forms send in the Next-Action header.
 */
export async function findActionIds(baseUrl: string, pagePath: string, cookie: string, names: string[]): Promise<Record<string, string>> {
  const page = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } });
  if (!page.ok) throw new Error(`GET ${pagePath} answered ${page.status}; cannot find its actions.`);
  const html = await page.text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!))];
  const found: Record<string, string> = {};
  for (const script of scripts) {
    const source = await (await fetch(`${baseUrl}${script}`)).text();
    for (const match of source.matchAll(/createServerReference\)\("([0-9a-f]+)",[^"]*"(\w+)"\)/g)) {
      if (names.includes(match[2]!)) found[match[2]!] = match[1]!;
    }
  }
  const missing = names.filter((name) => !found[name]);
  if (missing.length > 0) throw new Error(`${pagePath} does not load ${missing.join(", ")}; the load plan needs updating.`);
  return found;
}

/** The headers a browser sends with a server action call made from `baseUrl`. */
export function actionHeaders(baseUrl: string, actionId: string, cookie: string): Record<string, string> {
  return {
    "Next-Action": actionId,
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
    Origin: baseUrl,
    Cookie: cookie,
  };
}
