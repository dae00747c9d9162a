import "server-only";
import { configuredSsoProviders, type SsoProvider } from "@/lib/auth/sso-providers";
import { readSignInSettings } from "@/lib/auth/sso-settings";
import { env } from "@/lib/env";
import type { SignInMethods } from "@/lib/features/sso/types";

/** The providers the environment configures; read on each call so tests and restarts see the current environment. */
export function getSsoProviders(): SsoProvider[] {
  return configuredSsoProviders(env());
}

export async function getSignInMethods(): Promise<SignInMethods> {
  return { providers: getSsoProviders(), settings: await readSignInSettings() };
}
