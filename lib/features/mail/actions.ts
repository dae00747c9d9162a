"use server";

// Every export here is a public endpoint (docs/decisions/005): admins only, as the database has them on this request.
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { queueTestMail } from "@/lib/features/mail/mutations";
import { mailConfigured } from "@/lib/mailer";

/** Admin → Outbox → "Send a test e-mail": to the signed-in admin's own address, never another. */
export async function sendTestMailAction(): Promise<ActionResult<{ to: string }>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    if (!mailConfigured()) throw new AppError("INVALID_STATE", "Mail is not configured: set SMTP_URL and restart Cairn first.");
    await queueTestMail(viewer);
    return { to: viewer.email };
  });
}
