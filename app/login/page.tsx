import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getViewer } from "@/lib/auth/viewer";
import { SignInForm } from "@/lib/features/users/components/sign-in-form";
import { safeRedirectPath } from "@/lib/redirects";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Record<string, string | string[] | undefined>;

/** A repeated parameter arrives as a list; the first one counts. */
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const callbackUrl = single(query.callbackUrl);
  const reset = single(query.reset);
  if (await getViewer()) redirect(safeRedirectPath(callbackUrl));
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight">Cairn</p>
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
            <SignInForm callbackUrl={callbackUrl} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
