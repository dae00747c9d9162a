import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import { JOB_MESSAGES } from "@/lib/features/jobs/constants";
import { MAIL_FLUSH_JOB } from "@/lib/jobs/names";
import { kick } from "@/lib/jobs/boss";

/**
 * "Retry" on a failed mail: back to pending with its attempts at zero, so the mail job sends it with a full set of
 * retries, and that job is asked to run now. Only a mail still failed is touched (two admins, one retry).
 */
export async function retryFailedMail(actor: Actor, mailId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const mail = await tx.mail.findFirst({ where: { id: mailId, status: "failed" }, select: { id: true, kind: true, attempts: true, lastError: true } });
    if (!mail) throw new AppError("NOT_FOUND", JOB_MESSAGES.mailNotFound);
    const { count } = await tx.mail.updateMany({
      where: { id: mail.id, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: now },
    });
    if (count === 0) throw new AppError("NOT_FOUND", JOB_MESSAGES.mailNotFound);
    await writeAudit(tx, {
      actor,
      action: "mail.retry",
      targetType: "mail",
      targetId: mail.id,
      before: { kind: mail.kind, status: "failed", attempts: mail.attempts, lastError: mail.lastError },
      after: { kind: mail.kind, status: "pending", attempts: 0 },
    });
  });
  kick(MAIL_FLUSH_JOB);
}

/** "Run now": records who asked, then asks the queue for a run (the sweep's own schedule stays as it is). */
export async function runJobNow(actor: Actor, name: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await writeAudit(tx, { actor, action: "job.run", targetType: "job", targetId: name, after: { requested: true } });
  });
  kick(name);
}
