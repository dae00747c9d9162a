// The benchmark's datasets: one cohort of N learners on the default roadmap with a realistic history (touched
// milestones, attempts with links, reviews, comments, weekly check-ins, a pending review queue). `generateDataset`
// is pure and deterministic: the same spec gives the same rows, ids included. `insertDataset` writes them with one
// multi-row INSERT … SELECT FROM jsonb_to_recordset per table and batch, not one statement per row.
import type pg from "pg";
import { seededRandom } from "@/prisma/factories/cohort-progress";

export type DatasetItem = { key: string; reviewRequired: boolean; evidence: "none" | "optional" | "required" };

export type DatasetSpec = {
  learners: number;
  mentors: number;
  seed: number;
  /** Midnight UTC of the day the history ends; every date is relative to it. */
  today: Date;
  versionId: string;
  /** The roadmap's milestones in order, then its portfolio projects (which always need review). */
  items: DatasetItem[];
  projectKeys: string[];
  passwordHash: string;
};

type Row = Record<string, string | number | string[] | null>;

export type Dataset = {
  cohortId: string;
  mentors: { userId: string; email: string }[];
  learners: { userId: string; membershipId: string; email: string }[];
  tables: Record<TableName, Row[]>;
};

/** Column types of what the generator writes; every other column keeps its default. */
const TABLES = {
  users: { id: "uuid", email: "text", name: "text", password_hash: "text", created_at: "timestamptz", updated_at: "timestamptz" },
  cohorts: { id: "uuid", name: "text", version_id: "uuid", start_date: "date", weeks_per_phase: "int", created_at: "timestamptz", updated_at: "timestamptz" },
  memberships: { id: "uuid", cohort_id: "uuid", user_id: "uuid", role: "membership_role", created_at: "timestamptz", updated_at: "timestamptz" },
  progress: {
    id: "uuid",
    membership_id: "uuid",
    item_key: "text",
    status: "progress_status",
    started_at: "timestamptz",
    completed_at: "timestamptz",
    created_at: "timestamptz",
    updated_at: "timestamptz",
  },
  submissions: { id: "uuid", progress_id: "uuid", attempt: "int", status: "submission_status", note: "text", created_at: "timestamptz", updated_at: "timestamptz" },
  submission_links: { id: "uuid", submission_id: "uuid", position: "int", url: "text", label: "text", kind: "link_kind", created_at: "timestamptz", updated_at: "timestamptz" },
  reviews: { id: "uuid", submission_id: "uuid", reviewer_id: "uuid", decision: "decision", comment: "text", created_at: "timestamptz", updated_at: "timestamptz" },
  comments: { id: "uuid", membership_id: "uuid", item_key: "text", author_id: "uuid", body: "text", created_at: "timestamptz", updated_at: "timestamptz" },
  checkins: {
    id: "uuid",
    membership_id: "uuid",
    week_start: "date",
    planned_keys: "text[]",
    planned_hours: "int",
    actual_hours: "int",
    learned: "text",
    built: "text",
    reflection: "text",
    closed_at: "timestamptz",
    created_at: "timestamptz",
    updated_at: "timestamptz",
  },
  checkin_comments: { id: "uuid", checkin_id: "uuid", author_id: "uuid", body: "text", created_at: "timestamptz", updated_at: "timestamptz" },
} as const;

export type TableName = keyof typeof TABLES;

const DAY = 24 * 3600 * 1000;
const WEEKS = 12;
const SYLLABLES = ["ka", "ri", "mo", "le", "an", "to", "su", "vi", "na", "el", "do", "ya", "po", "ze", "lu", "ha"];
const LINKS: { url: string; label: string; kind: string }[] = [
  { url: "https://github.com/bench-learner/ml-pipeline", label: "Repository", kind: "github_repo" },
  { url: "https://github.com/bench-learner/ml-pipeline/pull/", label: "Pull request", kind: "github_pull_request" },
  { url: "https://github.com/bench-learner/ml-pipeline/actions/runs/", label: "CI run", kind: "github_actions_run" },
  { url: "https://hub.docker.com/r/benchlearner/inference-service", label: "Image", kind: "docker_image" },
  { url: "https://github.com/bench-learner/ml-pipeline/commit/", label: "Commit", kind: "github_commit" },
];
const CHANGES = [
  "Good start. Please pin the dataset version so the run can be reproduced.",
  "The pipeline works, but the tests don't cover the failure path yet. Add one and resubmit.",
  "Please explain in the README how to rerun this from a clean checkout.",
];
const LEARNER_REPLIES = [
  "Thanks! Should the failure test mock the storage bucket or use a local folder?",
  "Pinned the version and added the command to the README.",
  "Updated, the CI run now covers the retry path.",
];

/** A version 4 UUID from the generator's stream, so ids are as reproducible as the rest. */
function uuidFrom(rand: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(rand() * 256));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function nameFrom(rand: () => number): string {
  const word = () => {
    const length = 2 + Math.floor(rand() * 2);
    const text = Array.from({ length }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join("");
    return text[0]!.toUpperCase() + text.slice(1);
  };
  return `${word()} ${word()}`;
}

/** The Monday on or before `day` (UTC), as check-in weeks and cohort starts are. */
function mondayOf(day: Date): Date {
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

const iso = (date: Date) => date.toISOString();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function generateDataset(spec: DatasetSpec): Dataset {
  const tables = Object.fromEntries(Object.keys(TABLES).map((name) => [name, []])) as unknown as Record<TableName, Row[]>;
  const start = mondayOf(new Date(spec.today.getTime() - WEEKS * 7 * DAY));
  const span = spec.today.getTime() - DAY - start.getTime();
  const stamp = (at: Date) => ({ created_at: iso(at), updated_at: iso(at) });
  const cohortRand = seededRandom(spec.seed);
  const cohortId = uuidFrom(cohortRand);
  tables.cohorts.push({ id: cohortId, name: `Benchmark cohort of ${spec.learners}`, version_id: spec.versionId, start_date: isoDay(start), weeks_per_phase: 2, ...stamp(start) });

  const mentors = Array.from({ length: spec.mentors }, (_, index) => {
    const userId = uuidFrom(cohortRand);
    const email = `mentor-${index + 1}@bench.test`;
    tables.users.push({ id: userId, email, name: nameFrom(cohortRand), password_hash: spec.passwordHash, ...stamp(start) });
    tables.memberships.push({ id: uuidFrom(cohortRand), cohort_id: cohortId, user_id: userId, role: "mentor", ...stamp(start) });
    return { userId, email };
  });

  const learners: Dataset["learners"] = [];
  for (let index = 0; index < spec.learners; index += 1) {
    // One stream per learner: learner k is the same person at every size, so the pages the benchmark signs in
    // to show the same thing at S, M and L.
    const rand = seededRandom(spec.seed * 100_003 + index + 1);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const userId = uuidFrom(rand);
    const membershipId = uuidFrom(rand);
    const email = `learner-${index + 1}@bench.test`;
    learners.push({ userId, membershipId, email });
    tables.users.push({ id: userId, email, name: nameFrom(rand), password_hash: spec.passwordHash, ...stamp(start) });
    tables.memberships.push({ id: membershipId, cohort_id: cohortId, user_id: userId, role: "learner", ...stamp(start) });

    const touched = Math.max(1, Math.min(spec.items.length, Math.round(spec.items.length * (0.35 + rand() * 0.5))));
    const at = (position: number) => new Date(start.getTime() + ((position + 0.5) / touched) * span);
    const addSubmission = (progressId: string, attempt: number, status: string, when: Date) => {
      const id = uuidFrom(rand);
      tables.submissions.push({ id, progress_id: progressId, attempt, status, note: attempt > 1 ? "Addressed the review; see the new commit." : "Evidence attached; the README explains how to rerun it.", ...stamp(when) });
      const links = 1 + Math.floor(rand() * 3);
      for (let position = 0; position < links; position += 1) {
        const link = pick(LINKS);
        const url = link.url.endsWith("/") ? `${link.url}${100 + Math.floor(rand() * 9000)}` : link.url;
        tables.submission_links.push({ id: uuidFrom(rand), submission_id: id, position, url, label: link.label, kind: link.kind, ...stamp(when) });
      }
      return id;
    };
    const addReview = (submissionId: string, decision: "approve" | "request_changes", when: Date) => {
      tables.reviews.push({
        id: uuidFrom(rand),
        submission_id: submissionId,
        reviewer_id: pick(mentors).userId,
        decision,
        comment: decision === "approve" ? "" : pick(CHANGES),
        ...stamp(when),
      });
    };
    const addComment = (itemKey: string, authorId: string, body: string, when: Date) => {
      tables.comments.push({ id: uuidFrom(rand), membership_id: membershipId, item_key: itemKey, author_id: authorId, body, ...stamp(when) });
    };
    /** Attempts asked for changes before the last one, each with the learner's reply half of the time. */
    const earlierAttempts = (progressId: string, itemKey: string, count: number, from: Date) => {
      for (let attempt = 1; attempt <= count; attempt += 1) {
        const when = new Date(from.getTime() + (attempt - 1) * DAY);
        addReview(addSubmission(progressId, attempt, "changes_requested", when), "request_changes", new Date(when.getTime() + DAY / 3));
        if (rand() < 0.5) addComment(itemKey, userId, pick(LEARNER_REPLIES), new Date(when.getTime() + DAY / 2));
      }
    };

    for (let position = 0; position < touched; position += 1) {
      const item = spec.items[position]!;
      const when = at(position);
      const progressId = uuidFrom(rand);
      const needsReview = item.reviewRequired;
      const current = position === touched - 1;
      if (!current && !needsReview) {
        tables.progress.push({ id: progressId, membership_id: membershipId, item_key: item.key, status: "done", started_at: iso(when), completed_at: iso(when), ...stamp(when) });
        if (item.evidence !== "none" && rand() < 0.3) addSubmission(progressId, 1, "recorded", when);
        continue;
      }
      if (!needsReview) {
        tables.progress.push({ id: progressId, membership_id: membershipId, item_key: item.key, status: "in_progress", started_at: iso(when), completed_at: null, ...stamp(when) });
        continue;
      }
      const retries = (rand() < 0.35 ? 1 : 0) + (rand() < 0.15 ? 1 : 0);
      const situation = current ? rand() : 1;
      const status = !current ? "approved" : situation < 0.45 ? "submitted" : situation < 0.7 ? "changes_requested" : "in_progress";
      const done = new Date(when.getTime() + (retries + 1) * DAY);
      tables.progress.push({
        id: progressId,
        membership_id: membershipId,
        item_key: item.key,
        status,
        started_at: iso(when),
        completed_at: status === "approved" ? iso(done) : null,
        ...stamp(when),
      });
      if (status === "in_progress") continue;
      earlierAttempts(progressId, item.key, status === "changes_requested" ? retries + 1 : retries, when);
      if (status === "changes_requested") continue;
      const last = addSubmission(progressId, retries + 1, status === "approved" ? "approved" : "pending", new Date(done.getTime() - DAY / 2));
      if (status === "approved") addReview(last, "approve", done);
      if (rand() < 0.15) addComment(item.key, pick(mentors).userId, "Nice work; this is a good reference for the others.", done);
    }

    // Learners well ahead have their first portfolio project approved; some wait for a review of the second.
    if (touched > spec.items.length * 0.7 && spec.projectKeys.length >= 2) {
      const [first, second] = spec.projectKeys;
      const when = new Date(spec.today.getTime() - 9 * DAY);
      const approvedId = uuidFrom(rand);
      tables.progress.push({ id: approvedId, membership_id: membershipId, item_key: first!, status: "approved", started_at: iso(when), completed_at: iso(when), ...stamp(when) });
      addReview(addSubmission(approvedId, 1, "approved", when), "approve", new Date(when.getTime() + DAY));
      if (rand() < 0.5) {
        const waiting = new Date(spec.today.getTime() - 2 * DAY);
        const pendingId = uuidFrom(rand);
        tables.progress.push({ id: pendingId, membership_id: membershipId, item_key: second!, status: "submitted", started_at: iso(waiting), completed_at: null, ...stamp(waiting) });
        addSubmission(pendingId, 1, "pending", waiting);
      }
    }

    for (let week = 0; week < WEEKS; week += 1) {
      if (week > 0 && rand() < 0.2) continue;
      const weekStart = new Date(start.getTime() + week * 7 * DAY);
      const closed = week < WEEKS - 1;
      const hours = 6 + Math.floor(rand() * 8);
      const checkinId = uuidFrom(rand);
      tables.checkins.push({
        id: checkinId,
        membership_id: membershipId,
        week_start: isoDay(weekStart),
        planned_keys: spec.items.slice(week * 2, week * 2 + 2).map((item) => item.key),
        planned_hours: hours,
        actual_hours: closed ? hours - Math.floor(rand() * 3) : null,
        learned: "Worked through the week's reading and took notes.",
        built: "Pushed the week's changes to the project repository.",
        reflection: rand() < 0.5 ? "Good week; the weekly rule kept me honest." : "Less time than planned; catching up next week.",
        closed_at: closed ? iso(new Date(weekStart.getTime() + 6 * DAY)) : null,
        ...stamp(weekStart),
      });
      if (rand() < 0.15) {
        tables.checkin_comments.push({ id: uuidFrom(rand), checkin_id: checkinId, author_id: pick(mentors).userId, body: "Good progress; keep the weekly rhythm.", ...stamp(new Date(weekStart.getTime() + 6 * DAY)) });
      }
    }
  }
  return { cohortId, mentors, learners, tables };
}

const BATCH = 5_000;

/** Inserts every row, parents before children, in batches of one statement each. */
export async function insertDataset(client: pg.Client, dataset: Dataset): Promise<void> {
  for (const [table, columns] of Object.entries(TABLES) as [TableName, Record<string, string>][]) {
    const names = Object.keys(columns);
    const definition = names.map((name) => `${name} ${columns[name]}`).join(", ");
    const rows = dataset.tables[table];
    for (let offset = 0; offset < rows.length; offset += BATCH) {
      await client.query(`INSERT INTO ${table} (${names.join(", ")}) SELECT ${names.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS t(${definition})`, [
        JSON.stringify(rows.slice(offset, offset + BATCH)),
      ]);
    }
  }
}

/** Rows per table, for the report and the determinism test. */
export function rowCounts(dataset: Dataset): Record<TableName, number> {
  return Object.fromEntries(Object.entries(dataset.tables).map(([table, rows]) => [table, rows.length])) as Record<TableName, number>;
}
