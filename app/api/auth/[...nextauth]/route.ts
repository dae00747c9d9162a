// GET|POST /api/auth/* — next-auth's sign-in, sign-out, CSRF and session endpoints
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** Credentials are only ever POSTed by the sign-in form; next-auth would answer a GET of their callback with a 500. */
async function GET(request: NextRequest, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  if (action === "callback" && provider === "credentials") {
    return new Response("Sign in with the form at /login.", {
      status: 405,
      headers: { allow: "POST", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return handler(request, context);
}

export { GET, handler as POST };
