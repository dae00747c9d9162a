import "server-only";
import { z } from "zod";
import { configuredSsoProviders } from "@/lib/auth/sso-providers";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

/** The `instance_settings` key holding Admin → Sign-in methods. */
export const SIGN_IN_SETTINGS_KEY = "sign_in_methods";

export type SignInSettings = {
  /** Password sign-in refused for everyone but admins (docs/decisions/057); the login page hides the form. */
  ssoOnly: boolean;
  /** Email domains whose verified addresses may create a plain account through single sign-on. */
  selfSignUpDomains: string[];
};

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { ssoOnly: false, selfSignUpDomains: [] };

const storedSchema = z.object({ ssoOnly: z.boolean().catch(false), selfSignUpDomains: z.array(z.string()).catch([]) });

/** The stored settings; a missing or unreadable row reads as the defaults (passwords on, nobody signs up). */
export async function readSignInSettings(client: Tx | typeof db = db): Promise<SignInSettings> {
  const row = await client.instanceSetting.findUnique({ where: { key: SIGN_IN_SETTINGS_KEY }, select: { value: true } });
  const parsed = storedSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_SIGN_IN_SETTINGS;
}

/**
 * Whether password sign-in is off for people who are not admins: "Only allow single sign-on" is on and a provider is
 * still configured (with none left, passwords work again rather than lock everyone out).
 */
export async function passwordSignInRefused(): Promise<boolean> {
  if (configuredSsoProviders(env()).length === 0) return false;
  return (await readSignInSettings()).ssoOnly;
}
