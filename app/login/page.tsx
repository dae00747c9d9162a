import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { StandalonePage } from "@/components/layout/standalone-page";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getViewer } from "@/lib/auth/viewer";
import { SignInForm } from "@/lib/features/users/components/sign-in-form";
import { safeRedirectPath } from "@/lib/redirects";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, reset } = await searchParams;
  // Checked once here, for the server redirect and the form alike (docs/security.md #15, #36); sending a
  // signed-in person back to /login would loop.
  const checked = safeRedirectPath(callbackUrl);
  const target = checked === "/login" || checked.startsWith("/login?") ? "/" : checked;
  if (await getViewer()) redirect(target);
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
          <SignInForm callbackUrl={target} />
          <p className="text-sm text-muted-foreground">Forgot your password? Ask an admin of this Cairn for a reset link.</p>
        </CardContent>
      </Card>
    </StandalonePage>
  );
}
