import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { requireViewer } from "@/lib/auth/viewer";
import { SignInSettingsForm } from "@/lib/features/sso/components/sign-in-settings-form";
import { loadSignInMethods } from "@/lib/features/sso/loaders";

export const metadata: Metadata = { title: "Sign-in methods" };

export default async function SignInMethodsPage() {
  const { providers, settings } = await loadSignInMethods(await requireViewer());
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin" className="hover:underline">
            Admin
          </Link>
        }
        title="Sign-in methods"
        description="How people sign in to this Cairn, and who may create an account."
      />
      <div className="grid gap-6">
        <Section id="providers-heading" title="Providers">
          <Card>
            <CardContent className="grid gap-3">
              <ul className="grid gap-3">
                <li className="grid gap-0.5">
                  <span className="flex flex-wrap items-center gap-2 font-medium">
                    Email and password
                    {settings.ssoOnly && providers.length > 0 ? <Badge variant="neutral">Admins only</Badge> : <Badge variant="success">On</Badge>}
                  </span>
                  <span className="text-sm text-muted-foreground">
                    Accounts made from invite links or by <code className="font-mono text-xs">npm run admin:create</code>.
                  </span>
                </li>
                {providers.map((provider) => (
                  <li key={provider.id} className="grid gap-0.5">
                    <span className="flex flex-wrap items-center gap-2 font-medium">
                      {provider.name} <Badge variant="success">Configured</Badge>
                    </span>
                    <span className="text-sm break-all text-muted-foreground">{provider.detail}</span>
                  </li>
                ))}
              </ul>
              {providers.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  No single sign-on provider is configured. An operator sets OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (any OpenID
                  Connect provider) or GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET, then restarts Cairn (docs/operations.md).
                </p>
              ) : (
                <p className="text-sm text-muted-foreground">Providers come from the server&apos;s environment; secrets are never shown.</p>
              )}
            </CardContent>
          </Card>
        </Section>
        <Section id="settings-heading" title="Who may come in">
          <Card>
            <CardContent>
              <SignInSettingsForm ssoOnly={settings.ssoOnly} selfSignUpDomains={settings.selfSignUpDomains} hasProviders={providers.length > 0} />
            </CardContent>
          </Card>
        </Section>
      </div>
    </>
  );
}
