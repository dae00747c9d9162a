import { expect } from "@playwright/test";
import { E2E_SMTP } from "@/e2e/support/smtp-config";
import type { ReceivedMail } from "@/test/smtp";

/**
 * The first mail to `to` whose subject matches, as the test SMTP server received it: waits for Cairn's mail job, which
 * runs within seconds of the write that queued the mail (and at the latest on its minute schedule).
 */
export async function mailTo(to: string, subject: RegExp, timeout = 75_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (await fetch(`${E2E_SMTP.api()}/messages`)).json()) as ReceivedMail[];
        found = all.find((mail) => mail.to.includes(to) && subject.test(mail.subject));
        return found !== undefined;
      },
      { timeout, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
  return found!;
}
