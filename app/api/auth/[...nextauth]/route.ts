// GET|POST /api/auth/* — next-auth's sign-in, sign-out, CSRF and session endpoints
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, type SsoResolvedUser } from "@/lib/auth/options";
import type { SsoIdentity } from "@/lib/auth/sso-providers";
import { completeSsoSignIn } from "@/lib/features/sso/sign-in";

const handler = NextAuth({
  ...authOptions,
  callbacks: {
    ...authOptions.callbacks,
    /**
     * A single sign-on comes back from the provider: match it to a Cairn account (lib/features/sso, docs/security.md
     * #45) and hand that account to the JWT callback, or send the person to /login with the reason. The password
     * form's sign-in passes through unchanged.
     */
    async signIn({ user, account }) {
      if (account?.type !== "oauth") return true;
      const identity = (user as { identity?: SsoIdentity }).identity;
      if (!identity) return false;
      const outcome = await completeSsoSignIn(identity);
      if (!outcome.ok) return `/login?error=${outcome.code}`;
      (user as SsoResolvedUser).cairn = outcome.user;
      return true;
    },
  },
});

type Context = { params: Promise<{ nextauth: string[] }> };

function plain(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** The check next-auth makes; it answers a value that fails it with a 500 and a configuration error. */
function isHttpAddress(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** A callbackUrl next-auth cannot read, in the query (the last one counts, as for next-auth) or its cookie. */
function refuseUnreadableCallback(request: NextRequest): Response | null {
  const origin = request.nextUrl.origin;
  const fromQuery = request.nextUrl.searchParams.getAll("callbackUrl").at(-1);
  const badCookies = request.cookies
    .getAll()
    .filter((cookie) => cookie.name.endsWith("next-auth.callback-url") && !isHttpAddress(cookie.value, origin));
  if ((fromQuery === undefined || fromQuery === "" || isHttpAddress(fromQuery, origin)) && badCookies.length === 0) return null;
  const response = plain(400, "This sign-in link is not valid. Open /login and sign in again.");
  for (const cookie of badCookies) response.headers.append("set-cookie", `${cookie.name}=; Path=/; Max-Age=0`);
  return response;
}

async function GET(request: NextRequest, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  // Credentials are only ever POSTed by the sign-in form; next-auth would answer a GET of their callback with a 500.
  if (action === "callback" && provider === "credentials") return plain(405, "Sign in with the form at /login.", { allow: "POST" });
  return refuseUnreadableCallback(request) ?? handler(request, context);
}

async function POST(request: NextRequest, context: Context) {
  return refuseUnreadableCallback(request) ?? handler(request, context);
}

export { GET, POST };
