// Review-queue fixtures in bulk: a few statements however many learners, so tests and benchmarks can fill a
// cohort with hundreds of waiting attempts quickly.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

const HOUR_MS = 3600 * 1000;

/**
 * `count` new learners in a cohort, each with one attempt at `itemKey` waiting for review, the oldest submitted
 * `oldestHoursAgo` hours ago and each next one an hour later. The learners cannot sign in (no password).
 */
export async function createWaitingAttempts({
  cohortId,
  count,
  itemKey,
  oldestHoursAgo = count,
  namePrefix = "Queued Learner",
}: {
  cohortId: string;
  count: number;
  itemKey: string;
  oldestHoursAgo?: number;
  namePrefix?: string;
}) {
  const batch = randomUUID().slice(0, 8);
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, index) => ({
    userId: randomUUID(),
    membershipId: randomUUID(),
    progressId: randomUUID(),
    submissionId: randomUUID(),
    name: `${namePrefix} ${String(index + 1).padStart(3, "0")}`,
    at: new Date(now - (oldestHoursAgo - index) * HOUR_MS),
  }));
  await db.user.createMany({
    data: rows.map((row, index) => ({
      id: row.userId,
      email: `queued-${batch}-${index}@example.test`,
      name: row.name,
      passwordHash: "not-a-password-hash",
    })),
  });
  await db.membership.createMany({
    data: rows.map((row) => ({ id: row.membershipId, cohortId, userId: row.userId, role: "learner" as const })),
  });
  await db.progress.createMany({
    data: rows.map((row) => ({ id: row.progressId, membershipId: row.membershipId, itemKey, status: "submitted" as const, startedAt: row.at })),
  });
  await db.submission.createMany({
    data: rows.map((row) => ({ id: row.submissionId, progressId: row.progressId, attempt: 1, createdAt: row.at })),
  });
  await db.submissionLink.createMany({
    data: rows.map((row) => ({
      submissionId: row.submissionId,
      position: 0,
      url: "https://github.com/example/queued/pull/1",
      kind: "github_pull_request" as const,
    })),
  });
  return rows;
}
