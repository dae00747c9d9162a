import "server-only";
import { parseEnv } from "@/lib/env";
import { unsubscribe } from "@/lib/features/mail/mutations";
import { unsubscribeQuerySchema, type UnsubscribeQuery } from "@/lib/features/mail/schema";
import { isValidUnsubscribe } from "@/lib/features/mail/utils";

/**
 * The query of an unsubscribe link when its signature holds, else null. The signature is the only credential: the
 * link works without signing in (mail clients call it on their own) and fits one person and one kind.
 */
export function checkedUnsubscribe(query: Record<string, string | string[] | undefined>): UnsubscribeQuery | null {
  const parsed = unsubscribeQuerySchema.safeParse(query);
  if (!parsed.success) return null;
  const { u, k, t } = parsed.data;
  return isValidUnsubscribe(parseEnv().NEXTAUTH_SECRET ?? "", u, k, t) ? parsed.data : null;
}

/** Switches the link's kind of mail off for its person; false when the link is not valid. */
export async function unsubscribeByLink(query: Record<string, string | string[] | undefined>): Promise<boolean> {
  const checked = checkedUnsubscribe(query);
  if (!checked) return false;
  await unsubscribe(checked.u, checked.k);
  return true;
}
