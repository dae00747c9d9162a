import type { SignInSettings } from "@/lib/auth/sso-settings";
import type { SsoProvider } from "@/lib/auth/sso-providers";

/** Admin → Sign-in methods: what the environment configures (no secrets) and what the admin chose. */
export type SignInMethods = { providers: SsoProvider[]; settings: SignInSettings };

/** The person a single sign-on lets in, as next-auth's JWT callback needs them. */
export type SsoSignedIn = { id: string; email: string; name: string; sessionVersion: number };
