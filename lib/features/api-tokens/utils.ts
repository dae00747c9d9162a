import { formatDay } from "@/lib/calendar";
import { dayIn, formatMoment, formatRelativeTime } from "@/lib/calendar-zones";
import type { ApiTokenView } from "@/lib/features/api-tokens/types";

/** Whether a token is past its expiry at `now`; a token without one never is. */
export function isExpired(token: Pick<ApiTokenView, "expiresAt">, now: Date): boolean {
  return token.expiresAt !== null && new Date(token.expiresAt) <= now;
}

/** "Never", "Expired 3 Jan 2027" or "12 Mar 2027", the day in `zone`. */
export function expiryText(token: Pick<ApiTokenView, "expiresAt">, now: Date, zone: string): string {
  if (token.expiresAt === null) return "Never";
  const day = formatDay(dayIn(new Date(token.expiresAt), zone));
  return isExpired(token, now) ? `Expired ${day}` : day;
}

/** "Never used", or "2 hours ago from 203.0.113.7" with the exact moment for a tooltip. */
export function lastUsedText(token: Pick<ApiTokenView, "lastUsedAt" | "lastUsedAddress">, now: Date, zone: string): { text: string; title?: string } {
  if (!token.lastUsedAt) return { text: "Never used" };
  const when = formatRelativeTime(new Date(token.lastUsedAt), now);
  return {
    text: token.lastUsedAddress ? `${when} from ${token.lastUsedAddress}` : when,
    title: formatMoment(token.lastUsedAt, zone, { named: true }),
  };
}
