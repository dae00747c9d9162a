import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { formatDay } from "@/lib/calendar";
import { dayIn, timeZoneOptions } from "@/lib/calendar-zones";
import { env } from "@/lib/env";
import { requireViewer } from "@/lib/auth/viewer";
import { PasswordForm } from "@/lib/features/account/components/password-form";
import { ProfileForm } from "@/lib/features/account/components/profile-form";
import { SettingsSection } from "@/lib/features/account/components/settings-section";
import { SETTINGS_SECTIONS } from "@/lib/features/account/constants";
import { loadAccountSettings } from "@/lib/features/account/loaders";
import { ApiTokenList } from "@/lib/features/api-tokens/components/api-token-list";
import { NewApiToken } from "@/lib/features/api-tokens/components/new-api-token";
import { TOKEN_MESSAGES } from "@/lib/features/api-tokens/constants";
import { loadApiTokenSettings } from "@/lib/features/api-tokens/loaders";
import { SavedRepliesSettings } from "@/lib/features/reviews/components/saved-replies-settings";
import { loadSavedReplies } from "@/lib/features/reviews/loaders";
import { NotificationPreferencesForm } from "@/lib/features/notifications/components/notification-preferences-form";
import { loadNotificationPreferences } from "@/lib/features/notifications/loaders";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireViewer();
  const now = new Date();
  const [account, preferences, savedReplies, apiTokens] = await Promise.all([
    loadAccountSettings(viewer),
    loadNotificationPreferences(viewer),
    loadSavedReplies(viewer),
    loadApiTokenSettings(viewer, now),
  ]);
  const sections = SETTINGS_SECTIONS.filter((section) => section.id !== "saved-replies" || savedReplies !== null);
  const memberSince = formatDay(dayIn(new Date(account.memberSince), account.displayTimeZone));
  return (
    <>
      <PageHeader title="Settings" description={`${account.email} · member since ${memberSince} (${account.displayTimeZone})`} />
      <div className="grid gap-6 md:grid-cols-[11rem_minmax(0,1fr)] md:gap-8">
        <nav aria-label="Settings sections" className="md:sticky md:top-20 md:self-start">
          <ul className="flex flex-wrap gap-1 md:grid">
            {sections.map((section) => (
              <li key={section.id}>
                <a
                  href={`#${section.id}`}
                  className="block rounded-md px-3 py-1.5 text-sm text-muted-foreground hover:bg-surface-muted hover:text-foreground"
                >
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="grid min-w-0 content-start gap-6">
          <SettingsSection id="profile" description="How you appear in Cairn, and the time zone your dates are shown in.">
            <div className="grid gap-4">
              <ProfileForm
                name={account.name}
                timeZone={account.timeZone}
                zones={timeZoneOptions(account.timeZone ?? undefined)}
                zoneHint={
                  account.timeZone
                    ? `Dates on Settings and times on the notifications page are shown in ${account.timeZone}.`
                    : `None picked, so dates follow your cohort's time zone (${account.displayTimeZone}).`
                }
              />
              <div className="grid gap-1 border-t border-border pt-4 text-sm">
                <p className="font-medium">Portfolio handle</p>
                <p className="text-muted-foreground">
                  {account.handle ? <>Your public page lives at /p/{account.handle}. </> : <>You have not picked a handle yet. </>}
                  {account.hasPortfolio ? (
                    <Link href="/portfolio" className="text-accent underline underline-offset-2">
                      Change it on your Portfolio page
                    </Link>
                  ) : (
                    "Learners pick one on their Portfolio page."
                  )}
                </p>
              </div>
            </div>
          </SettingsSection>
          <SettingsSection
            id="password"
            description="You stay signed in here; every other browser and device where you are signed in is signed out."
          >
            <PasswordForm />
          </SettingsSection>
          <SettingsSection id="notifications" description="Choose what Cairn tells you about. A type you switch off is not shown in the bell any more.">
            <NotificationPreferencesForm initial={preferences} mailConfigured={env().SMTP_URL !== undefined} />
          </SettingsSection>
          {savedReplies === null ? null : (
            <SettingsSection id="saved-replies" description="Feedback you reuse on reviews: press / in a review to insert one. Only you see them.">
              <SavedRepliesSettings replies={savedReplies} />
            </SettingsSection>
          )}
          <SettingsSection
            id="api-tokens"
            description={
              <>
                Tokens let scripts and CI jobs use Cairn&apos;s API as you. Each works only within its scopes and your own rights, until it
                expires or you revoke it. The{" "}
                <a href="/api/docs" className="text-accent underline underline-offset-2">
                  API reference
                </a>{" "}
                lists every endpoint.
              </>
            }
          >
            <div className="grid gap-4">
              <NewApiToken grantable={apiTokens.grantable} capMessage={apiTokens.capReached ? TOKEN_MESSAGES.capReached : null} />
              <ApiTokenList tokens={apiTokens.tokens} now={now} zone={account.displayTimeZone} />
            </div>
          </SettingsSection>
        </div>
      </div>
    </>
  );
}
