import "server-only";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { getSignInMethods, getSsoProviders } from "@/lib/features/sso/data";
import type { SignInMethods } from "@/lib/features/sso/types";
import type { SsoProvider } from "@/lib/auth/sso-providers";
import { passwordSignInRefused } from "@/lib/auth/sso-settings";

/** Admin → Sign-in methods. */
export async function loadSignInMethods(viewer: Viewer): Promise<SignInMethods> {
  adminOnly(viewer);
  return getSignInMethods();
}

/**
 * The login page, signed out: the buttons to show and whether the password form is shown. Public by design — which
 * providers an instance uses is visible on its login page anyway.
 */
export async function loadLoginMethods(): Promise<{ providers: SsoProvider[]; passwordForm: boolean }> {
  const providers = getSsoProviders();
  return { providers, passwordForm: !(await passwordSignInRefused()) };
}
