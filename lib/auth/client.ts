// Signing in and out from the browser by posting to next-auth's own endpoints, as next-auth/react does, without
// shipping next-auth/react (its session context and polyfills) to every page (decision 023). Cairn never reads the
// session in the browser, so nothing else of next-auth/react is needed.

const AUTH_BASE = "/api/auth";

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`);
  const { csrfToken: token } = (await response.json()) as { csrfToken: string };
  return token;
}

async function post(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string }> {
  const response = await fetch(`${AUTH_BASE}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return { response, url };
}

/**
 * Signs in with email and password and sets the session cookie. `ok` false carries next-auth's error code (e.g.
 * LOGIN_RATE_LIMITED); a request that fails or an answer that is not next-auth's rejects.
 */
export async function signInWithPassword(email: string, password: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const { response, url } = await post("callback/credentials", { email, password, callbackUrl: window.location.href });
  const error = new URL(url, window.location.href).searchParams.get("error");
  return response.ok && !error ? { ok: true } : { ok: false, error: error ?? String(response.status) };
}

/** Ends the session (next-auth's sign-out event revokes it, decision 003), then loads `callbackUrl`. */
export async function signOut(callbackUrl: string): Promise<void> {
  const { url } = await post("signout", { callbackUrl });
  window.location.assign(url || callbackUrl);
}

/**
 * Starts a single sign-on: next-auth answers with the provider's authorization URL (state, nonce and PKCE verifier
 * kept in its cookies), which the browser then opens. Rejects when Cairn could not be reached.
 */
export async function signInWithProvider(providerId: string, callbackUrl: string): Promise<void> {
  const { url } = await post(`signin/${encodeURIComponent(providerId)}`, { callbackUrl });
  window.location.assign(url);
}
