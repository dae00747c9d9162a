import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StandalonePage } from "@/components/layout/standalone-page";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signInErrorMessage } from "@/lib/auth/constants";
import { getViewer } from "@/lib/auth/viewer";
import { SsoButtons } from "@/lib/features/sso/components/sso-buttons";
import { loadLoginMethods } from "@/lib/features/sso/loaders";
import { SignInForm } from "@/lib/features/users/components/sign-in-form";
import { mailConfigured } from "@/lib/mailer";
import { safeRedirectPath } from "@/lib/redirects";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, reset, error, with: method } = await searchParams;
  // Checked once here, for the server redirect and the form alike (docs/security.md #15, #36); sending a
  // signed-in person back to /login would loop.
  const checked = safeRedirectPath(callbackUrl);
  const target = checked === "/login" || checked.startsWith("/login?") ? "/" : checked;
  if (await getViewer()) redirect(target);
  const methods = await loadLoginMethods();
  const { providers } = methods;
  // With only single sign-on allowed, admins still sign in with their password (docs/decisions/057) from a link.
  const passwordForm = methods.passwordForm || method === "password";
  // next-auth and the single sign-on callback send refusals back here as ?error=<code>; without a provider the
  // page stays as it always was.
  const errorMessage = providers.length > 0 ? signInErrorMessage(typeof error === "string" ? error : undefined) : null;
  return (
    <StandalonePage>
      <Card>
        <CardHeader>
          <CardTitle as="h1">Sign in</CardTitle>
          <CardDescription>Pick up your roadmap where you left it.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {reset === "done" ? (
            <p role="status" className="rounded-md border border-status-success-border bg-status-success-subtle px-3 py-2 text-sm text-status-success-fg">
              Your password was changed. Sign in with the new one.
            </p>
          ) : null}
          {providers.length > 0 ? (
            <SsoButtons providers={providers} callbackUrl={target} error={passwordForm ? null : errorMessage} />
          ) : null}
          {providers.length > 0 && passwordForm ? (
            <div className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden>
              <span className="h-px flex-1 bg-border" />
              or with your password
              <span className="h-px flex-1 bg-border" />
            </div>
          ) : null}
          {passwordForm ? (
            <>
              <SignInForm callbackUrl={target} initialError={errorMessage} />
              {mailConfigured() ? (
                <p className="text-sm text-muted-foreground">
                  <Link href="/forgot-password" className="font-medium text-accent hover:underline">
                    Forgot your password?
                  </Link>
                </p>
              ) : (
                <p className="text-sm text-muted-foreground">Forgot your password? Ask an admin of this Cairn for a reset link.</p>
              )}
            </>
          ) : (
            <p className="text-sm text-muted-foreground">
              Admin of this Cairn?{" "}
              <Link href={`/login?with=password&callbackUrl=${encodeURIComponent(target)}`} className="font-medium text-accent hover:underline">
                Sign in with your password
              </Link>
            </p>
          )}
        </CardContent>
      </Card>
    </StandalonePage>
  );
}
