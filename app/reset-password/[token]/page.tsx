import type { Metadata } from "next";
import { StandalonePage } from "@/components/layout/standalone-page";
import { DeadLinkCard } from "@/components/layout/dead-link-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ResetPasswordForm } from "@/lib/features/users/components/reset-password-form";
import { RESET_INVALID_MESSAGE } from "@/lib/features/users/constants";
import { loadResetLanding } from "@/lib/features/users/loaders";

// Public (proxy.ts lets /reset-password/ through signed out): the token in the path is the only credential,
// and unknown, expired and used links all render the same page.
export const metadata: Metadata = { title: "New password", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const landing = await loadResetLanding(token);
  return (
    <StandalonePage>
      {landing.valid ? (
        <Card>
          <CardHeader>
            <CardTitle as="h1">New password</CardTitle>
            <CardDescription>
              Choose a new password for <strong className="font-medium text-foreground">{landing.name}</strong>. It signs you out on
              every other device.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ResetPasswordForm token={token} />
          </CardContent>
        </Card>
      ) : (
        <DeadLinkCard
          title={RESET_INVALID_MESSAGE}
          description="Reset links work once, for 24 hours, and a newer link replaces an older one."
          href="/login"
          action="Sign in"
        />
      )}
    </StandalonePage>
  );
}
