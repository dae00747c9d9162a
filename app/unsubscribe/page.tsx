import type { Metadata } from "next";
import Link from "next/link";
import { DeadLinkCard } from "@/components/layout/dead-link-card";
import { StandalonePage } from "@/components/layout/standalone-page";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { UNSUBSCRIBE_DONE, UNSUBSCRIBE_INVALID } from "@/lib/features/mail/constants";
import { checkedUnsubscribe } from "@/lib/features/mail/commands";
import { TYPE_LABELS } from "@/lib/features/notifications/constants";
import { NotificationType } from "@/lib/generated/prisma/enums";

// Public (proxy.ts lets /unsubscribe through signed out): the signed query is the only credential. Opening the page
// changes nothing — link scanners open links too; the button posts to /api/unsubscribe, as one-click clients do.
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function isType(value: unknown): value is NotificationType {
  return typeof value === "string" && Object.values(NotificationType).includes(value as NotificationType);
}

export default async function UnsubscribePage({ searchParams }: Props) {
  const query = await searchParams;
  if (isType(query.done)) {
    return (
      <StandalonePage>
        <Card>
          <CardHeader>
            <CardTitle as="h1">No more “{TYPE_LABELS[query.done]}” e-mails</CardTitle>
            <CardDescription>{UNSUBSCRIBE_DONE}</CardDescription>
          </CardHeader>
          <CardContent>
            <Button asChild variant="secondary" className="w-full">
              <Link href="/settings#notifications">Open Settings</Link>
            </Button>
          </CardContent>
        </Card>
      </StandalonePage>
    );
  }
  const checked = query.invalid ? null : checkedUnsubscribe(query);
  if (!checked) {
    return (
      <StandalonePage>
        <DeadLinkCard title="Link not valid" description={UNSUBSCRIBE_INVALID} href="/settings#notifications" action="Open Settings" />
      </StandalonePage>
    );
  }
  const action = `/api/unsubscribe?${new URLSearchParams({ u: checked.u, k: checked.k, t: checked.t }).toString()}`;
  return (
    <StandalonePage>
      <Card>
        <CardHeader>
          <CardTitle as="h1">Stop “{TYPE_LABELS[checked.k]}” e-mails?</CardTitle>
          <CardDescription>
            This stops the e-mail only: what Cairn shows in the app, and other kinds of e-mail, stay as they are. Every choice
            can be changed in Settings → Notifications.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form method="post" action={action}>
            <input type="hidden" name="from" value="page" />
            <Button type="submit" className="w-full">
              Unsubscribe
            </Button>
          </form>
        </CardContent>
      </Card>
    </StandalonePage>
  );
}
