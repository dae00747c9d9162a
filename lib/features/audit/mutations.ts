import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";

export type AuditEntry = {
  /** Null for the command line, the seed and background jobs ("System"). */
  actor: Actor | null;
  /** A code from docs/audit-log.md. */
  action: string;
  targetType: string;
  targetId: string;
  cohortId?: string | null;
  before?: object;
  after?: object;
  /** Only when the change itself carries a time (a review decision's `now`), so both read the same. */
  createdAt?: Date;
};

/**
 * The one way an audit row is written, inside the transaction of the change it records, so the row and the change
 * commit together or not at all. A save that changed nothing (before and after both empty) leaves no row.
 */
export async function writeAudit(tx: Tx, { actor, before, after, cohortId, ...entry }: AuditEntry): Promise<void> {
  if (before && after && Object.keys(before).length === 0 && Object.keys(after).length === 0) return;
  await tx.auditEvent.create({
    data: {
      ...entry,
      actorId: actor?.id ?? null,
      requestId: actor?.requestId ?? null,
      cohortId: cohortId ?? null,
      before,
      after,
    },
  });
}
