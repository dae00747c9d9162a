import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StandalonePage } from "@/components/layout/standalone-page";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getViewer } from "@/lib/auth/viewer";
import { ForgotPasswordForm } from "@/lib/features/users/components/forgot-password-form";
import { mailConfigured } from "@/lib/mailer";

// Public (proxy.ts lets /forgot-password through signed out). Only useful when Cairn sends mail; without it the page
// says who can help instead.
export const metadata: Metadata = { title: "Reset your password", robots: { index: false, follow: false } };

export default async function ForgotPasswordPage() {
  if (await getViewer()) redirect("/settings#password");
  const canMail = mailConfigured();
  return (
    <StandalonePage>
      <Card>
        <CardHeader>
          <CardTitle as="h1">Reset your password</CardTitle>
          <CardDescription>
            {canMail
              ? "Enter the address you sign in with. We'll e-mail you a link to choose a new password."
              : "This Cairn does not send e-mail. Ask one of its admins for a reset link: they can create one under Admin → Users."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {canMail ? <ForgotPasswordForm /> : null}
          <p className="text-sm text-muted-foreground">
            <Link href="/login" className="font-medium text-accent hover:underline">
              Back to sign in
            </Link>
          </p>
        </CardContent>
      </Card>
    </StandalonePage>
  );
}
