import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import { SIGN_OFF_MESSAGES } from "@/lib/features/cohort-progress/schema";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";

export type SignedOff = { signedOffAt: string; signedOffBy: string };

/**
 * A mentor's sign-off of one success-criterion self-assessment, with its audit event, in one transaction.
 * The caller checked scope. The update is conditional on the row still being the one the mentor read
 * (`seenUpdatedAt`) and not signed off yet: the learner editing their answer clears a sign-off
 * (progress/mutations.ts), so signing off an answer nobody read — or signing twice — is a conflict.
 */
export async function signOffCriterion({
  assessmentId,
  seenUpdatedAt,
  actor,
  signerName,
  cohortId,
  now = new Date(),
}: {
  assessmentId: string;
  seenUpdatedAt: Date;
  actor: Actor;
  /** Shown back as "signed off by". */
  signerName: string;
  cohortId: string;
  now?: Date;
}): Promise<SignedOff> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.criterionAssessment.updateManyAndReturn({
      where: { id: assessmentId, signedOffAt: null, updatedAt: seenUpdatedAt },
      data: { signedOffById: actor.id, signedOffAt: now },
      select: { id: true, membershipId: true, criterionKey: true, level: true, signedOffAt: true },
    });
    if (!row) {
      const current = await tx.criterionAssessment.findUnique({
        where: { id: assessmentId },
        select: {
          signedOffAt: true,
          signedOffBy: { select: { name: true } },
          membership: { select: { cohort: { select: { timezone: true } } } },
        },
      });
      if (current?.signedOffAt) {
        const by = current.signedOffBy?.name ?? "a former mentor";
        throw new AppError("CONFLICT", `Already signed off by ${by} on ${formatDay(dayIn(current.signedOffAt, current.membership.cohort.timezone))}.`);
      }
      throw new AppError("CONFLICT", SIGN_OFF_MESSAGES.changed);
    }
    await writeAudit(tx, {
      actor,
      action: "criterion.sign_off",
      targetType: "criterion_assessment",
      targetId: row.id,
      cohortId,
      before: { signedOffById: null, signedOffAt: null },
      after: {
        membershipId: row.membershipId,
        criterionKey: row.criterionKey,
        level: row.level,
        signedOffById: actor.id,
        signedOffAt: now.toISOString(),
      },
    });
    return { signedOffAt: now.toISOString(), signedOffBy: signerName };
  });
}
