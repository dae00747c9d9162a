import "server-only";
import { cookies } from "next/headers";
import type { SsoIdentity } from "@/lib/auth/sso-providers";
import { SSO_INVITE_COOKIE } from "@/lib/features/sso/constants";
import { signInWithSso, type SsoOutcome } from "@/lib/features/sso/mutations";

// The request-facing entry of next-auth's sign-in callback (docs/decisions/057): neither a loader, since it may
// create an account, nor a server action, which would make it a public endpoint anyone could call with any identity.
// Its only caller is app/api/auth/[...nextauth]/route.ts, after next-auth has checked state, nonce, PKCE and the ID
// token, so the identity is the provider's word.

/** Matches the provider's identity to a Cairn account, redeeming the invite an invite page's button remembered. */
export async function completeSsoSignIn(identity: SsoIdentity): Promise<SsoOutcome> {
  const store = await cookies();
  const inviteToken = store.get(SSO_INVITE_COOKIE)?.value ?? null;
  const outcome = await signInWithSso(identity, inviteToken);
  if (inviteToken) store.delete(SSO_INVITE_COOKIE);
  return outcome;
}
