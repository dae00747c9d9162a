import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const insert = auditInsert(entry);
  if (insert) await tx.$executeRaw(insert);
}

/**
 * writeAudit's INSERT, for a change that writes itself and its audit row in one statement (a data-modifying
 * `WITH`, docs/performance.md); null when nothing changed.
 */
export function auditInsert({ actor, before, after, cohortId, createdAt, ...entry }: AuditEntry): Prisma.Sql | null {
  if (before && after && Object.keys(before).length === 0 && Object.keys(after).length === 0) return null;
  const at = createdAt ?? new Date();
  return Prisma.sql`
    INSERT INTO audit_events (id, actor_id, action, target_type, target_id, cohort_id, before, after, request_id, created_at, updated_at)
    VALUES (uuidv7(), ${actor?.id ?? null}::uuid, ${entry.action}, ${entry.targetType}, ${entry.targetId}, ${cohortId ?? null}::uuid,
            ${jsonOrNull(before)}::jsonb, ${jsonOrNull(after)}::jsonb, ${actor?.requestId ?? null}, ${at}, ${at})`;
}

function jsonOrNull(value: object | undefined): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
