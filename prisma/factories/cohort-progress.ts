// A cohort full of learners at varied points of the roadmap, in five statements however many there are, for the matrix's statement-count tests, benchmarks and screenshots of a big cohort. The learners
// cannot sign in (no password).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

const DAY_MS = 24 * 3600 * 1000;

const FIRST = [
  "Avery", "Bea", "Caleb", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jae", "Kofi", "Lior", "Mara", "Nils",
  "Oona", "Pavel", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Vera", "Wen", "Ximena", "Yusuf", "Zofia", "Arjun", "Noor",
  "Teo", "Lina",
];
const LAST = [
  "Adeyemi", "Bauer", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gupta", "Horvat", "Ivanova", "Jensen", "Kowalski",
  "Lindqvist", "Moreno", "Nakamura", "Okonkwo", "Petrov", "Quispe", "Rossi", "Santos", "Tanaka", "Ueda", "Varga",
  "Walsh", "Xu", "Yilmaz", "Zimmermann", "Novak", "Haddad", "Silva", "Kim",
];

/** Deterministic pseudo-random numbers (mulberry32), so the same seed always builds the same cohort (or demo). */
export function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BulkItem = { key: string; reviewRequired: boolean };

/**
 * `count` learners in a cohort. Each has finished a share of `items` in order (some ahead of the others, some far
 * behind), and stands on the next one: working on it, waiting for review (a pending attempt), or asked for
 * changes (an attempt with `reviewerId`'s decision). Everything happened between `startDate` and `now`.
 */
export async function createBulkLearners({
  cohortId,
  items,
  count,
  reviewerId,
  startDate,
  now = new Date(),
  onPaceShare = 0.5,
  seed = 1,
}: {
  cohortId: string;
  items: BulkItem[];
  count: number;
  reviewerId: string;
  startDate: Date;
  now?: Date;
  /** Share of `items` a learner exactly on pace has finished by `now`. */
  onPaceShare?: number;
  seed?: number;
}): Promise<{ membershipIds: string[] }> {
  const rand = seededRandom(seed);
  const batch = randomUUID().slice(0, 8);
  const span = Math.max(DAY_MS, now.getTime() - startDate.getTime());
  const at = (share: number) => new Date(startDate.getTime() + share * span);

  const users: { id: string; email: string; name: string; passwordHash: string }[] = [];
  const memberships: { id: string; userId: string }[] = [];
  const progress: {
    id: string;
    membershipId: string;
    itemKey: string;
    status: ProgressStatus;
    startedAt: Date;
    completedAt: Date | null;
  }[] = [];
  const submissions: { id: string; progressId: string; attempt: number; status: "pending" | "approved" | "changes_requested"; createdAt: Date }[] = [];
  const reviews: { submissionId: string; decision: "approve" | "request_changes"; comment: string; createdAt: Date }[] = [];

  for (let index = 0; index < count; index += 1) {
    const userId = randomUUID();
    const membershipId = randomUUID();
    const name = `${FIRST[index % FIRST.length]} ${LAST[(index * 7 + Math.floor(index / LAST.length)) % LAST.length]}`;
    users.push({ id: userId, email: `bulk-${batch}-${index}@example.test`, name, passwordHash: "not-a-password-hash" });
    memberships.push({ id: membershipId, userId });

    // Pace between 0.1 and 1.4 of the cohort's; some learners stopped a while ago.
    const pace = 0.1 + rand() * 1.3;
    const stoppedAt = rand() < 0.2 ? 0.4 + rand() * 0.4 : 1;
    const finished = Math.min(items.length - 1, Math.floor(items.length * onPaceShare * pace * stoppedAt));
    for (let position = 0; position < finished; position += 1) {
      const item = items[position]!;
      const when = at(((position + 1) / (finished + 1)) * stoppedAt);
      const progressId = randomUUID();
      progress.push({
        id: progressId,
        membershipId,
        itemKey: item.key,
        status: item.reviewRequired ? "approved" : "done",
        startedAt: when,
        completedAt: when,
      });
      if (item.reviewRequired) {
        const submissionId = randomUUID();
        submissions.push({ id: submissionId, progressId, attempt: 1, status: "approved", createdAt: when });
        reviews.push({ submissionId, decision: "approve", comment: "", createdAt: when });
      }
    }
    const current = items[finished];
    if (!current) continue;
    const when = at(stoppedAt * (0.9 + rand() * 0.09));
    const situation = rand();
    const progressId = randomUUID();
    if (current.reviewRequired && situation < 0.35) {
      progress.push({ id: progressId, membershipId, itemKey: current.key, status: "submitted", startedAt: when, completedAt: null });
      submissions.push({ id: randomUUID(), progressId, attempt: 1, status: "pending", createdAt: when });
    } else if (current.reviewRequired && situation < 0.6) {
      const submissionId = randomUUID();
      progress.push({ id: progressId, membershipId, itemKey: current.key, status: "changes_requested", startedAt: when, completedAt: null });
      submissions.push({ id: submissionId, progressId, attempt: 1, status: "changes_requested", createdAt: when });
      reviews.push({
        submissionId,
        decision: "request_changes",
        comment: "Add a test for the failure path and resubmit.",
        createdAt: new Date(when.getTime() + DAY_MS / 4),
      });
    } else {
      progress.push({ id: progressId, membershipId, itemKey: current.key, status: "in_progress", startedAt: when, completedAt: null });
    }
  }

  // One INSERT … SELECT FROM unnest(arrays) per table: Prisma's createMany serializes thousands of rows slowly,
  // and a test that builds 500 learners should spend its time on what it measures.
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  await db.$executeRaw`
    INSERT INTO users (id, email, name, password_hash, updated_at)
    SELECT id, email, name, password_hash, now()
      FROM unnest(${users.map((u) => u.id)}::uuid[], ${users.map((u) => u.email)}::text[],
                  ${users.map((u) => u.name)}::text[], ${users.map((u) => u.passwordHash)}::text[])
           AS t(id, email, name, password_hash)`;
  await db.$executeRaw`
    INSERT INTO memberships (id, cohort_id, user_id, role, updated_at)
    SELECT id, ${cohortId}::uuid, user_id, 'learner', now()
      FROM unnest(${memberships.map((m) => m.id)}::uuid[], ${memberships.map((m) => m.userId)}::uuid[]) AS t(id, user_id)`;
  await db.$executeRaw`
    INSERT INTO progress (id, membership_id, item_key, status, started_at, completed_at, updated_at)
    SELECT id, membership_id, item_key, status::progress_status, started_at::timestamptz, completed_at::timestamptz, now()
      FROM unnest(${progress.map((p) => p.id)}::uuid[], ${progress.map((p) => p.membershipId)}::uuid[],
                  ${progress.map((p) => p.itemKey)}::text[], ${progress.map((p) => p.status)}::text[],
                  ${progress.map((p) => iso(p.startedAt))}::text[], ${progress.map((p) => iso(p.completedAt))}::text[])
           AS t(id, membership_id, item_key, status, started_at, completed_at)`;
  await db.$executeRaw`
    INSERT INTO submissions (id, progress_id, attempt, status, created_at, updated_at)
    SELECT id, progress_id, attempt, status::submission_status, created_at::timestamptz, now()
      FROM unnest(${submissions.map((x) => x.id)}::uuid[], ${submissions.map((x) => x.progressId)}::uuid[],
                  ${submissions.map((x) => x.attempt)}::int[], ${submissions.map((x) => x.status)}::text[],
                  ${submissions.map((x) => iso(x.createdAt))}::text[])
           AS t(id, progress_id, attempt, status, created_at)`;
  await db.$executeRaw`
    INSERT INTO reviews (id, submission_id, reviewer_id, decision, comment, created_at, updated_at)
    SELECT gen_random_uuid(), submission_id, ${reviewerId}::uuid, decision::decision, comment, created_at::timestamptz, now()
      FROM unnest(${reviews.map((r) => r.submissionId)}::uuid[], ${reviews.map((r) => r.decision)}::text[],
                  ${reviews.map((r) => r.comment)}::text[], ${reviews.map((r) => iso(r.createdAt))}::text[])
           AS t(submission_id, decision, comment, created_at)`;
  return { membershipIds: memberships.map((membership) => membership.id) };
}
