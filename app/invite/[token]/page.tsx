import type { Metadata } from "next";
import Link from "next/link";
import { StandalonePage } from "@/components/layout/standalone-page";
import { DeadLinkCard } from "@/components/layout/dead-link-card";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getViewer } from "@/lib/auth/viewer";
import { AcceptInviteForm } from "@/lib/features/invites/components/accept-invite-form";
import { JoinCohortButton } from "@/lib/features/invites/components/join-cohort-button";
import { INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { loadInviteLanding } from "@/lib/features/invites/loaders";
import { otherRoleInviteNotice } from "@/lib/features/invites/utils";
import { SsoButtons } from "@/lib/features/sso/components/sso-buttons";
import { loadLoginMethods } from "@/lib/features/sso/loaders";

// Public (proxy.ts lets /invite/ through signed out): the token in the path is the only credential,
// and every unusable token renders the same page.
export const metadata: Metadata = { title: "Invite", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

const ROLE_TEXT = { learner: "a learner", mentor: "a mentor", admin: "an admin" } as const;

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const viewer = await getViewer();
  const landing = await loadInviteLanding(token, viewer);
  // An instance invite without a cohort (and not for an admin) only creates an account.
  const plainAccount = landing.valid && !landing.cohortId && landing.role !== "admin";
  const otherRoleInvite = landing.valid && landing.viewerRole ? otherRoleInviteNotice(landing.viewerRole, landing.role) : null;
  const { providers: ssoProviders, passwordForm } = landing.valid && !viewer ? await loadLoginMethods() : { providers: [], passwordForm: true };
  // Only single sign-on allowed: a password account could not sign in, except an admin's (docs/decisions/057).
  const passwordAccount = passwordForm || (landing.valid && landing.role === "admin");
  return (
    <StandalonePage>
      {!landing.valid ? (
        <DeadLinkCard
          title={INVITE_INVALID_MESSAGE}
          description="Invite links expire, can be used a limited number of times and can be revoked. Ask your mentor for a new one."
          href={viewer ? "/" : "/login"}
          action={viewer ? "Go to Cairn" : "Sign in"}
        />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle as="h1">{landing.cohortName ? `Join ${landing.cohortName}` : "Join Cairn"}</CardTitle>
            <CardDescription>
              {plainAccount ? (
                "You are invited to create a Cairn account. A mentor or an admin adds you to a cohort afterwards."
              ) : (
                <>
                  You are invited as {ROLE_TEXT[landing.role]}
                  {landing.cohortName ? (
                    <>
                      {" "}
                      of <strong className="font-medium text-foreground">{landing.cohortName}</strong>
                    </>
                  ) : null}
                  {landing.roadmapTitle ? `, following ${landing.roadmapTitle}` : null}.
                </>
              )}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {viewer && landing.viewerRole && landing.cohortId ? (
              <>
                <p className="text-sm text-muted-foreground">
                  You are already {ROLE_TEXT[landing.viewerRole]} of this cohort, signed in as{" "}
                  <span className="font-medium text-foreground">{viewer.name}</span>.
                  {otherRoleInvite ? ` ${otherRoleInvite}` : null}
                </p>
                <Button asChild className="w-full">
                  <Link href={landing.viewerRole === "learner" ? `/roadmap?cohort=${landing.cohortId}` : `/cohorts/${landing.cohortId}/members`}>
                    {landing.viewerRole === "learner" ? "Open your roadmap" : "Open the cohort"}
                  </Link>
                </Button>
              </>
            ) : viewer && plainAccount ? (
              <>
                <p className="text-sm text-muted-foreground">
                  You already have an account, signed in as <span className="font-medium text-foreground">{viewer.name}</span>.
                </p>
                <Button asChild className="w-full">
                  <Link href="/">Go to Cairn</Link>
                </Button>
              </>
            ) : viewer ? (
              <>
                <p className="text-sm text-muted-foreground">
                  Signed in as <span className="font-medium text-foreground">{viewer.name}</span> ({viewer.email}).
                </p>
                <JoinCohortButton token={token} label={landing.cohortName ? `Join ${landing.cohortName}` : "Accept invite"} />
              </>
            ) : (
              <>
                {ssoProviders.length > 0 ? <SsoButtons providers={ssoProviders} callbackUrl="/" inviteToken={token} /> : null}
                {ssoProviders.length > 0 && passwordAccount ? (
                  <p className="text-center text-xs text-muted-foreground">or create an account with a password</p>
                ) : null}
                {passwordAccount ? <AcceptInviteForm token={token} /> : null}
                <p className="text-center text-sm text-muted-foreground">
                  Already have an account?{" "}
                  <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-accent hover:underline">
                    Sign in
                  </Link>{" "}
                  to join with it.
                </p>
              </>
            )}
          </CardContent>
        </Card>
      )}
    </StandalonePage>
  );
}
