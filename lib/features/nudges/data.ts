import "server-only";
import { db } from "@/lib/db";

/** Cohorts nudges and reminders speak for: not archived, already started. */
export async function listLiveCohorts(now: Date): Promise<{ id: string; name: string; timezone: string }[]> {
  return db.cohort.findMany({
    where: { archivedAt: null, startDate: { lte: now } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, timezone: true },
  });
}

export type SentNudge = { learnerId: string; kind: string; step: number; at: Date };

/** The nudges of one cohort since `since`, of every kind. */
export async function listNudgesSince(cohortId: string, since: Date): Promise<SentNudge[]> {
  const rows = await db.nudge.findMany({
    where: { cohortId, createdAt: { gt: since } },
    select: { learnerId: true, kind: true, step: true, createdAt: true },
  });
  return rows.map((row) => ({ learnerId: row.learnerId, kind: row.kind, step: row.step, at: row.createdAt }));
}
