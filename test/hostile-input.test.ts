// docs/security.md #39 (and #7, #21): every exported server action, found in every "use server" file, is called
// by a signed-in admin, by a learner and by the person it is meant for, with each field of a valid input — nested
// fields included — replaced by hostile values, and with hostile inputs as a whole. Whatever comes back: never an
// internal error or an exception, a message whenever the action refuses, and a refusal writes nothing (a trigger
// on every table counts written rows). A control character in any text field is refused with a message on that
// field. A new action without a sample below fails this test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDraftAction } from "@/lib/features/roadmaps/actions";
import { weekOf } from "@/lib/calendar-zones";
import { createPasswordResetLinkAction } from "@/lib/features/users/actions";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { breakLink, createCheckin, createSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { createWebhook } from "@/prisma/factories/webhooks";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;
type Role = "admin" | "mentor" | "learner";
type Action = (input?: unknown) => Promise<unknown>;
type Sample = {
  /** Who the action is for: the field-message rule is checked as this person. */
  as: Role;
  input: unknown;
  /** Fields that take any characters on purpose (a password is hashed, never shown or stored as text). */
  anyCharacters?: string[];
};

function walk(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const ACTION_FILES = [...walk("app"), ...walk("lib")]
  .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file))
  .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));

// ——— Hostile values ———

const LONG = "x".repeat(200_000);
/** Values that hold a character no text field may keep. */
const CONTROL_VALUES = ["\u0000", "plan\u0000ned", "\u202egnp.exe", "\u0007\u001b[2J"];
const HOSTILE_VALUES: unknown[] = [
  ...CONTROL_VALUES,
  "%E0%A4%A",
  "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  "------------------------------------",
  "0000-01-01",
  "275760-09-13",
  "+275760-09-13T00:00:00.000Z",
  "__proto__",
  "",
  " ",
  LONG,
  "<script>alert(1)</script>",
  null,
  undefined,
  true,
  -1,
  0.5,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  10n,
  [],
  ["x"],
  {},
  JSON.parse('{"__proto__": {"isAdmin": true}}'),
  new Date(Number.NaN),
  new Date("0000-01-01T00:00:00Z"),
  new Map([["a", 1]]),
];
/** For people the action is not for: they are refused before any field is read, so a few values show it. */
const FEW_VALUES: unknown[] = ["\u0000", LONG, null, 2 ** 53 + 2, ["x"], JSON.parse('{"__proto__": {"isAdmin": true}}')];

type Call = { input: unknown; field?: FieldPath; control?: boolean; extraKeys?: boolean };

/** Hostile inputs as a whole. Extra keys — `status`, `__proto__`, `constructor` — must be refused (docs/security.md #7). */
function wholeInputs(input: unknown): Call[] {
  const takesObject = !!input && typeof input === "object" && !Array.isArray(input);
  const base = takesObject ? input : {};
  return [
    { input: undefined },
    { input: null },
    { input: "\u0000" },
    { input: 42 },
    { input: [input] },
    { input: { ...base, status: "approved", learnerId: crypto.randomUUID(), createdAt: "2020-01-01" }, extraKeys: takesObject },
    { input: Object.assign(JSON.parse('{"__proto__": {"isAdmin": true}}'), base), extraKeys: takesObject },
    { input: Object.assign(Object.create(null), base, { constructor: { prototype: { isAdmin: true } } }), extraKeys: takesObject },
  ];
}

type FieldPath = (string | number)[];

/** Every field of a sample, nested ones included: ["links"], ["links", 0], ["links", 0, "url"]… */
function fieldPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...fieldPaths(item, [...prefix, index])]);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...fieldPaths(item, [...prefix, key])]);
  }
  return [];
}

function valueAt(value: unknown, at: FieldPath): unknown {
  return at.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);
}

function replaced(value: unknown, at: FieldPath, replacement: unknown): unknown {
  const [head, ...rest] = at;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, replacement) : item));
  const copy = { ...(value as Record<string, unknown>) };
  copy[head] = replaced(copy[head], rest, replacement);
  return copy;
}

// ——— Counting writes ———

let client: pg.Client;
const UNCOUNTED = new Set(["_prisma_migrations", "sweep_writes", "rate_limits"]);

async function installWriteCounter() {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("DROP TABLE IF EXISTS sweep_writes; CREATE TABLE sweep_writes (n bigint NOT NULL); INSERT INTO sweep_writes VALUES (0)");
  await client.query(
    "CREATE OR REPLACE FUNCTION sweep_count_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE sweep_writes SET n = n + 1; RETURN NULL; END $$",
  );
  const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
  for (const { tablename } of rows.filter((row) => !UNCOUNTED.has(row.tablename))) {
    await client.query(
      `CREATE TRIGGER sweep_count_write AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION sweep_count_write()`,
    );
  }
  return rows.map((row) => row.tablename).filter((name) => !UNCOUNTED.has(name));
}

async function removeWriteCounter(tables: string[]) {
  for (const table of tables) await client.query(`DROP TRIGGER IF EXISTS sweep_count_write ON "${table}"`);
  await client.query("DROP FUNCTION IF EXISTS sweep_count_write() CASCADE; DROP TABLE IF EXISTS sweep_writes");
  await client.end();
}

async function writes(): Promise<number> {
  const { rows } = await client.query<{ n: string }>("SELECT n FROM sweep_writes");
  return Number(rows[0]?.n);
}

// ——— The world the samples point into ———

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const document = await readDefaultRoadmap();
  const milestones = document.phases.flatMap((phase) => phase.milestones);
  const reviewed = milestones.filter((milestone) => milestone.reviewRequired);
  const selfCheck = milestones.find((milestone) => !milestone.reviewRequired && milestone.evidence !== "required")!;
  const v1 = await importDefaultRoadmap();
  const v2 = await importDefaultRoadmap();

  const admin = await createUser({ isAdmin: true });
  const [mentor, learner, classmate, target, newcomer] = [await createUser(), await createUser(), await createUser(), await createUser(), await createUser()];
  const cohort = await createCohort({ versionId: v1.versionId, name: "Sweep cohort" });
  const movable = await createCohort({ versionId: v1.versionId, name: "Movable cohort" });
  await addMember(cohort.id, mentor.id, "mentor");
  const membership = await addMember(cohort.id, learner.id, "learner");
  const classmateMembership = await addMember(cohort.id, classmate.id, "learner");

  const pending = await createSubmission({ membershipId: membership.id, itemKey: reviewed[0]!.key, links: [{ url: "https://example.com/a" }] });
  const approved = await createSubmission({ membershipId: membership.id, itemKey: reviewed[2]!.key, links: [{ url: "https://example.com/gone" }] });
  await db.submission.update({ where: { id: approved.id }, data: { status: "approved" } });
  const brokenLink = await breakLink({ submissionId: approved.id, replacementUrl: "https://example.com/moved" });
  const note = await db.privateNote.create({ data: { membershipId: membership.id, itemKey: selfCheck.key, body: "A note" } });
  const learnerToken = await createApiToken(learner.id, { name: "Sweep CI" });
  const savedReply = await db.savedReply.create({ data: { ownerId: mentor.id, title: "Tests", body: "Add a test for this." } });
  const criterion = document.criteria[0]!;
  const assessment = await db.criterionAssessment.create({
    data: { membershipId: membership.id, criterionKey: criterion.key, level: "partly", justification: "Because" },
  });
  const week = weekOf(new Date(), cohort.timezone);
  const checkin = await createCheckin({ membershipId: membership.id, weekStart: new Date(`${week}T00:00:00Z`), closed: true });
  const notification = await db.notification.create({ data: { userId: learner.id, type: "submission", title: "Hello", href: "/roadmap" } });
  const cohortInvite = await createInvite({ cohortId: cohort.id, maxUses: 1000 });
  const instanceInvite = await createInvite({ cohortId: null, role: "mentor" });
  // Loopback without "allow private network": a test delivery is refused before any connection is made.
  const webhook = await createWebhook({ url: "http://127.0.0.1:9/sweep", allowPrivateNetwork: false });
  const doomedWebhook = await createWebhook({ url: "http://127.0.0.1:9/doomed", allowPrivateNetwork: false });
  const delivery = await db.webhookDelivery.create({
    data: { webhookId: webhook.id, event: "submission.created", payload: { type: "submission.created", timestamp: new Date().toISOString(), data: {} } },
  });

  const draft = await asUser(admin, () => createDraftAction({ roadmapId: v1.roadmapId }));
  if (!draft.ok) throw new Error(`the sweep's draft: ${draft.error}`);
  const draftVersion = await db.roadmapVersion.findFirstOrThrow({ where: { roadmapId: v1.roadmapId, number: draft.data.number } });
  const phases = await db.phase.findMany({ where: { versionId: draftVersion.id }, orderBy: { position: "asc" } });
  const phase = phases[0]!;
  const milestone = await db.milestone.findFirstOrThrow({ where: { phaseId: phase.id }, orderBy: { position: "asc" } });
  const project = await db.portfolioProject.findFirstOrThrow({ where: { versionId: draftVersion.id }, orderBy: { position: "asc" } });
  const failedMail = await db.mail.create({
    data: { toAddress: "bounced@example.test", kind: "test", subject: "Hello", textBody: "Hi", htmlBody: "<p>Hi</p>", status: "failed", attempts: 5 },
  });
  const reset = await asUser(admin, () => createPasswordResetLinkAction({ userId: target.id }));
  if (!reset.ok) throw new Error(`the sweep's reset link: ${reset.error}`);
  const resetToken = reset.data.token;

  return {
    users: { admin, mentor, learner } satisfies Record<Role, User>,
    membership,
    learnerToken,
    savedReply,
    document,
    milestones,
    reviewed,
    selfCheck,
    v1,
    v2,
    cohort,
    movable,
    classmate,
    classmateMembership,
    target,
    newcomer,
    pending,
    brokenLink,
    note,
    criterion,
    assessment,
    week,
    checkin,
    notification,
    cohortInvite,
    instanceInvite,
    webhook,
    doomedWebhook,
    delivery,
    draftVersion,
    phases,
    phase,
    milestone,
    project,
    resetToken,
    failedMail,
  };
}

const MARKDOWN_ROADMAP = "# Sweep roadmap {#sweep-roadmap}\n\nA goal.\n\n## Phase 1: Start {#start}\n\n- Read the guide {#read-the-guide}\n";

const SAMPLES: Record<string, (w: World) => Sample> = {
  "lib/features/users/actions.ts#setAdminAction": (w) => ({ as: "admin", input: { userId: w.target.id, isAdmin: false } }),
  "lib/features/users/actions.ts#deactivateUserAction": (w) => ({ as: "admin", input: { userId: w.target.id } }),
  "lib/features/users/actions.ts#reactivateUserAction": (w) => ({ as: "admin", input: { userId: w.target.id } }),
  "lib/features/users/actions.ts#createPasswordResetLinkAction": (w) => ({ as: "admin", input: { userId: w.target.id } }),
  "lib/features/invites/actions.ts#createInstanceInviteAction": (w) => ({
    as: "admin",
    input: { role: "learner", cohortId: w.cohort.id, expiresInDays: "7", maxUses: "1" },
  }),
  "lib/features/invites/actions.ts#emailInstanceInvitesAction": (w) => ({
    as: "admin",
    input: { role: "mentor", cohortId: w.cohort.id, emails: "new.mentor@example.test" },
  }),
  "lib/features/invites/actions.ts#revokeInstanceInviteAction": (w) => ({ as: "admin", input: { inviteId: w.instanceInvite.invite.id } }),
  "lib/features/users/actions.ts#requestPasswordResetAction": () => ({ as: "learner", input: { email: "nobody@example.test" } }),
  "lib/features/users/actions.ts#resetPasswordAction": (w) => ({
    as: "learner",
    input: { token: w.resetToken, password: "a long enough passphrase" },
    anyCharacters: ["password"],
  }),

  "lib/features/roadmaps/actions.ts#createRoadmapAction": () => ({ as: "admin", input: { name: "Sweep roadmap", slug: "" } }),
  "lib/features/roadmaps/actions.ts#createDraftAction": (w) => ({ as: "admin", input: { roadmapId: w.v1.roadmapId } }),
  "lib/features/roadmaps/actions.ts#discardDraftAction": (w) => ({ as: "admin", input: { versionId: w.draftVersion.id } }),
  "lib/features/roadmaps/actions.ts#publishVersionAction": (w) => ({ as: "admin", input: { versionId: w.draftVersion.id } }),
  "lib/features/roadmaps/actions.ts#setRoadmapArchivedAction": (w) => ({ as: "admin", input: { roadmapId: w.v1.roadmapId, archived: false } }),
  "lib/features/roadmaps/actions.ts#updateVersionDetailsAction": (w) => ({
    as: "admin",
    input: { versionId: w.draftVersion.id, lockVersion: w.draftVersion.lockVersion, title: "Sweep title", summary: "A goal." },
  }),
  "lib/features/roadmaps/actions.ts#updateWeeklyRuleAction": (w) => ({
    as: "admin",
    input: { versionId: w.draftVersion.id, lockVersion: w.draftVersion.lockVersion, items: ["Ship one thing"] },
  }),
  "lib/features/roadmaps/actions.ts#updateCriteriaAction": (w) => ({
    as: "admin",
    input: { versionId: w.draftVersion.id, lockVersion: w.draftVersion.lockVersion, items: [{ key: w.criterion.key, text: "Explains it" }] },
  }),
  "lib/features/roadmaps/actions.ts#updateNotesAction": (w) => ({
    as: "admin",
    input: { versionId: w.draftVersion.id, lockVersion: w.draftVersion.lockVersion, items: [{ title: "Reading", body: "Some *Markdown*." }] },
  }),
  "lib/features/roadmaps/actions.ts#addPhaseAction": (w) => ({ as: "admin", input: { versionId: w.draftVersion.id, title: "New phase" } }),
  "lib/features/roadmaps/actions.ts#addMilestoneAction": (w) => ({ as: "admin", input: { phaseId: w.phase.id, title: "New milestone" } }),
  "lib/features/roadmaps/actions.ts#addProjectAction": (w) => ({ as: "admin", input: { versionId: w.draftVersion.id, title: "New project" } }),
  "lib/features/roadmaps/actions.ts#updatePhaseAction": (w) => ({
    as: "admin",
    input: { phaseId: w.phase.id, lockVersion: w.phase.lockVersion, key: w.phase.key, title: w.phase.title, description: "About." },
  }),
  "lib/features/roadmaps/actions.ts#updateMilestoneAction": (w) => ({
    as: "admin",
    input: {
      milestoneId: w.milestone.id,
      phaseId: w.phase.id,
      lockVersion: w.milestone.lockVersion,
      key: w.milestone.key,
      title: w.milestone.title,
      description: "About.",
      doneWhen: ["It runs"],
      resources: [{ label: "Guide", url: "https://example.com/guide" }],
      evidence: "optional",
      reviewRequired: false,
      effortHours: 4,
    },
  }),
  "lib/features/roadmaps/actions.ts#updateProjectAction": (w) => ({
    as: "admin",
    input: {
      projectId: w.project.id,
      lockVersion: w.project.lockVersion,
      key: w.project.key,
      title: w.project.title,
      description: "About.",
      doneWhen: ["It ships"],
      evidence: "required",
      reviewRequired: true,
      milestoneKeys: [w.milestone.key],
    },
  }),
  "lib/features/roadmaps/actions.ts#reorderItemsAction": (w) => ({
    as: "admin",
    input: { versionId: w.draftVersion.id, list: "phases", ids: w.phases.map((phase) => phase.id) },
  }),
  "lib/features/roadmaps/actions.ts#setItemArchivedAction": (w) => ({ as: "admin", input: { kind: "milestone", id: w.milestone.id, archived: false } }),
  "lib/features/roadmaps/actions.ts#countItemCompletionsAction": (w) => ({ as: "admin", input: { kind: "milestone", id: w.milestone.id } }),

  "lib/features/cohort-progress/actions.ts#signOffCriterionAction": (w) => ({
    as: "mentor",
    input: { assessmentId: w.assessment.id, seenUpdatedAt: w.assessment.updatedAt.toISOString() },
  }),

  "lib/features/checkins/actions.ts#saveCheckinPlanAction": (w) => ({
    as: "learner",
    input: { cohortId: w.cohort.id, weekStart: w.week, lockVersion: w.checkin.lockVersion, plannedKeys: [w.selfCheck.key], plannedHours: "10" },
  }),
  "lib/features/checkins/actions.ts#closeOutCheckinAction": (w) => ({
    as: "learner",
    input: {
      cohortId: w.cohort.id,
      weekStart: w.week,
      lockVersion: w.checkin.lockVersion,
      learned: "Queues",
      built: "A worker",
      tested: "Retries",
      documented: "The README",
      reviewed: "A PR",
      blockers: "",
      reflection: "Good week",
      actualHours: "8",
    },
  }),
  "lib/features/checkins/actions.ts#reopenCheckinAction": (w) => ({ as: "learner", input: { checkinId: w.checkin.id, lockVersion: w.checkin.lockVersion } }),
  "lib/features/checkins/actions.ts#addCheckinCommentAction": (w) => ({ as: "mentor", input: { checkinId: w.checkin.id, body: "Nice week." } }),

  "lib/features/cohorts/actions.ts#createCohortAction": (w) => ({
    as: "admin",
    input: {
      name: "New sweep cohort",
      startDate: "2027-01-04",
      endDate: "",
      timezone: "Europe/Berlin",
      weeksPerPhase: "2",
      reviewTargetHours: "48",
      versionId: w.v2.versionId,
      mentorEmails: [w.users.mentor.email],
    },
  }),
  "lib/features/cohorts/actions.ts#updateCohortSettingsAction": (w) => ({
    as: "mentor",
    input: {
      cohortId: w.cohort.id,
      lockVersion: w.cohort.lockVersion,
      name: "Sweep cohort",
      startDate: "2027-01-04",
      endDate: "2027-12-20",
      timezone: "UTC",
      weeksPerPhase: "2",
      reviewTargetHours: "72",
      inactivityDays: "7",
      behindPaceBy: "2",
      changesRequestedDays: "5",
      phaseSlippedDays: "7",
    },
  }),
  "lib/features/cohorts/actions.ts#addCohortMemberAction": (w) => ({ as: "mentor", input: { cohortId: w.cohort.id, email: w.newcomer.email, role: "learner" } }),
  "lib/features/cohorts/actions.ts#removeCohortMemberAction": (w) => ({ as: "mentor", input: { membershipId: w.classmateMembership.id } }),
  "lib/features/cohorts/actions.ts#restoreCohortMemberAction": (w) => ({ as: "mentor", input: { membershipId: w.classmateMembership.id } }),
  "lib/features/cohorts/actions.ts#updateMemberScheduleAction": (w) => ({
    as: "mentor",
    input: { membershipId: w.classmateMembership.id, startDate: "2027-01-11", extensionDays: "3" },
  }),
  "lib/features/invites/actions.ts#createInviteAction": (w) => ({
    as: "mentor",
    input: { cohortId: w.cohort.id, role: "learner", expiresInDays: "7", maxUses: "5" },
  }),
  "lib/features/invites/actions.ts#emailInvitesAction": (w) => ({
    as: "mentor",
    input: { cohortId: w.cohort.id, role: "learner", emails: "new.learner@example.test" },
  }),
  "lib/features/invites/actions.ts#revokeInviteAction": (w) => ({ as: "mentor", input: { inviteId: w.cohortInvite.invite.id } }),
  "lib/features/cohorts/actions.ts#previewVersionMoveAction": (w) => ({ as: "admin", input: { cohortId: w.movable.id, versionId: w.v2.versionId } }),
  "lib/features/cohorts/actions.ts#moveCohortVersionAction": (w) => ({
    as: "admin",
    input: { cohortId: w.movable.id, fromVersionId: w.v1.versionId, versionId: w.v2.versionId },
  }),
  "lib/features/invites/actions.ts#acceptInviteAction": (w) => ({
    as: "learner",
    input: { token: w.cohortInvite.token, name: "New Person", email: "new.person@example.test", password: "a long enough passphrase" },
    anyCharacters: ["password"],
  }),
  "lib/features/invites/actions.ts#joinCohortAction": (w) => ({ as: "learner", input: { token: w.cohortInvite.token } }),
  "lib/features/sso/actions.ts#startInviteSsoAction": (w) => ({ as: "learner", input: { token: w.cohortInvite.token } }),
  "lib/features/sso/actions.ts#updateSignInSettingsAction": () => ({ as: "admin", input: { ssoOnly: false, selfSignUpDomains: "example.org\nschool.example" } }),

  "lib/features/progress/actions.ts#tickMilestoneAction": (w) => ({ as: "learner", input: { cohortId: w.cohort.id, itemKey: w.selfCheck.key, event: "start" } }),
  "lib/features/progress/actions.ts#submitEvidenceAction": (w) => ({
    as: "learner",
    input: {
      cohortId: w.cohort.id,
      itemKey: w.reviewed[1]!.key,
      links: [{ url: "https://github.com/learner/repo/pull/1", label: "The PR" }],
      note: "Done.",
      idempotencyKey: "0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b",
    },
  }),
  "lib/features/progress/actions.ts#withdrawSubmissionAction": (w) => ({ as: "learner", input: { cohortId: w.cohort.id, submissionId: w.pending.id } }),
  "lib/features/progress/actions.ts#addCommentAction": (w) => ({ as: "learner", input: { cohortId: w.cohort.id, itemKey: w.reviewed[0]!.key, body: "A question?" } }),
  "lib/features/progress/actions.ts#addPrivateNoteAction": (w) => ({ as: "learner", input: { cohortId: w.cohort.id, itemKey: w.selfCheck.key, body: "Remember this." } }),
  "lib/features/progress/actions.ts#updatePrivateNoteAction": (w) => ({ as: "learner", input: { cohortId: w.cohort.id, noteId: w.note.id, body: "Changed." } }),
  "lib/features/progress/actions.ts#deletePrivateNoteAction": (w) => ({ as: "learner", input: { cohortId: w.cohort.id, noteId: w.note.id } }),
  "lib/features/progress/actions.ts#dismissVersionBannerAction": (w) => ({ as: "learner", input: { membershipId: w.membership.id } }),
  "lib/features/progress/actions.ts#replaceEvidenceLinkAction": (w) => ({
    as: "learner",
    input: { cohortId: w.cohort.id, linkId: w.brokenLink.id, url: "https://example.com/moved-again" },
  }),
  "lib/features/progress/actions.ts#saveSelfAssessmentAction": (w) => ({
    as: "learner",
    input: { cohortId: w.cohort.id, criterionKey: w.criterion.key, level: "confident", justification: "I did it twice." },
  }),

  "lib/features/reviews/actions.ts#claimReviewAction": (w) => ({ as: "mentor", input: { submissionId: w.pending.id, cohortId: w.cohort.id } }),
  "lib/features/reviews/actions.ts#releaseReviewAction": (w) => ({ as: "mentor", input: { submissionId: w.pending.id, cohortId: w.cohort.id } }),
  "lib/features/reviews/actions.ts#decideReviewAction": (w) => ({
    as: "mentor",
    input: { submissionId: w.pending.id, cohortId: w.cohort.id, decision: "request_changes", comment: "Add tests." },
  }),
  "lib/features/reviews/actions.ts#addMentorCommentAction": (w) => ({ as: "mentor", input: { submissionId: w.pending.id, cohortId: w.cohort.id, body: "Looks good." } }),
  "lib/features/reviews/actions.ts#reapproveLinkAction": (w) => ({
    as: "mentor",
    input: { linkId: w.brokenLink.id, replacementUrl: "https://example.com/moved" },
  }),
  "lib/features/reviews/actions.ts#createSavedReplyAction": () => ({ as: "mentor", input: { title: "Thanks", body: "Thanks, this is clear." } }),
  "lib/features/reviews/actions.ts#renameSavedReplyAction": (w) => ({ as: "mentor", input: { id: w.savedReply.id, title: "Ask for tests" } }),
  "lib/features/reviews/actions.ts#deleteSavedReplyAction": (w) => ({ as: "mentor", input: { id: w.savedReply.id } }),

  "lib/features/roadmaps/actions.ts#previewRoadmapImportAction": () => ({ as: "admin", input: { format: "markdown", text: MARKDOWN_ROADMAP } }),
  "lib/features/roadmaps/actions.ts#importRoadmapAction": () => ({ as: "admin", input: { format: "markdown", text: MARKDOWN_ROADMAP } }),

  "lib/features/portfolio/actions.ts#updatePortfolioSettingsAction": () => ({ as: "learner", input: { handle: "sweep-learner", isPublic: true } }),
  "lib/features/notifications/actions.ts#markNotificationsReadAction": (w) => ({ as: "learner", input: { ids: [w.notification.id] } }),
  "lib/features/notifications/actions.ts#markAllNotificationsReadAction": () => ({ as: "learner", input: undefined }),
  "lib/features/notifications/actions.ts#saveNotificationPreferencesAction": () => ({
    as: "learner",
    input: { preferences: [{ type: "comment", inApp: true, email: false }] },
  }),

  "lib/features/mail/actions.ts#sendTestMailAction": () => ({ as: "admin", input: undefined }),
  "lib/features/jobs/actions.ts#retryMailAction": (w) => ({ as: "admin", input: { mailId: w.failedMail.id } }),
  "lib/features/jobs/actions.ts#runJobNowAction": () => ({ as: "admin", input: { name: "mail.flush" } }),

  "lib/features/api-tokens/actions.ts#createApiTokenAction": () => ({ as: "learner", input: { name: "Sweep token", expiry: "30", scopes: ["read", "submit"] } }),
  "lib/features/api-tokens/actions.ts#revokeApiTokenAction": (w) => ({ as: "learner", input: { tokenId: w.learnerToken.row.id } }),

  "lib/features/webhooks/actions.ts#createWebhookAction": (w) => ({
    as: "admin",
    input: { url: "https://hooks.example.org/cairn", description: "Sweep relay", cohortId: w.cohort.id, events: ["submission.created"], allowPrivateNetwork: false },
  }),
  "lib/features/webhooks/actions.ts#updateWebhookAction": (w) => ({
    as: "admin",
    input: {
      webhookId: w.webhook.id,
      url: "http://127.0.0.1:9/sweep",
      description: "Sweep",
      cohortId: "",
      events: ["milestone.completed"],
      allowPrivateNetwork: false,
    },
  }),
  "lib/features/webhooks/actions.ts#setWebhookPausedAction": (w) => ({ as: "admin", input: { webhookId: w.webhook.id, paused: true } }),
  "lib/features/webhooks/actions.ts#deleteWebhookAction": (w) => ({ as: "admin", input: { webhookId: w.doomedWebhook.id } }),
  "lib/features/webhooks/actions.ts#rotateWebhookSecretAction": (w) => ({ as: "admin", input: { webhookId: w.webhook.id } }),
  "lib/features/webhooks/actions.ts#sendTestWebhookAction": (w) => ({ as: "admin", input: { webhookId: w.webhook.id } }),
  "lib/features/webhooks/actions.ts#redeliverWebhookAction": (w) => ({ as: "admin", input: { deliveryId: w.delivery.id } }),

  "lib/features/account/actions.ts#updateProfileAction": () => ({ as: "learner", input: { name: "Sweep Learner", timeZone: "" } }),
  // A wrong current password: a change that succeeded would sign the sweep's learner out of every later call.
  "lib/features/account/actions.ts#changePasswordAction": () => ({
    as: "learner",
    input: { currentPassword: "not the current password", newPassword: "a long enough passphrase", confirmPassword: "a long enough passphrase" },
    anyCharacters: ["currentPassword", "newPassword", "confirmPassword"],
  }),
};

// ——— Judging one answer ———

type Outcome = { ok?: unknown; code?: unknown; error?: unknown; fieldErrors?: Record<string, string[]>; data?: { status?: unknown; problems?: unknown[] } };

/** The import actions answer a file they cannot read with its problems, as a value. */
function refused(outcome: Outcome): boolean {
  return outcome.ok === false || outcome.data?.status === "invalid";
}

function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  if (value instanceof Map) return "Map";
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeCall(name: string, role: Role, input: unknown, field?: FieldPath): string {
  return field ? `${name} as ${role}, ${field.join(".")} = ${shown(valueAt(input, field))}` : `${name} as ${role} with ${shown(input)}`;
}

let world: World;
let tables: string[];

beforeAll(async () => {
  world = await buildWorld();
  tables = await installWriteCounter();
}, 120_000);

afterAll(async () => {
  await removeWriteCounter(tables);
});

describe("hostile input to every server action (docs/security.md #39)", () => {
  it("has a sample input for every exported action", async () => {
    const missing: string[] = [];
    for (const file of ACTION_FILES) {
      const exported = (await import(`@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, unknown>;
      for (const name of Object.keys(exported)) if (!SAMPLES[`${file}#${name}`]) missing.push(`${file}#${name}`);
    }
    expect(missing, "add a valid sample input for each new action").toEqual([]);
    expect(Object.keys(SAMPLES).filter((key) => !ACTION_FILES.includes(key.split("#")[0]!))).toEqual([]);
  });

  it.each(ACTION_FILES)("%s: no internal error, a message when refused, nothing written by a refusal", async (file) => {
    const exported = (await import(`@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, Action>;
    const problems: string[] = [];
    let writtenBefore = await writes();
    let calls = 0;

    for (const [name, action] of Object.entries(exported)) {
      const sample = SAMPLES[`${file}#${name}`]?.(world);
      if (!sample) continue;
      const roles = [...new Set<Role>([sample.as, "admin", "learner"])];
      for (const role of roles) {
        const inputs = wholeInputs(sample.input);
        for (const field of fieldPaths(sample.input)) {
          const original = valueAt(sample.input, field);
          for (const value of role === sample.as ? HOSTILE_VALUES : FEW_VALUES) {
            const textField = typeof original === "string" && !sample.anyCharacters?.includes(field.join("."));
            inputs.push({ input: replaced(sample.input, field, value), field, control: textField && CONTROL_VALUES.includes(value as string) });
          }
        }
        for (const { input, field, control, extraKeys } of inputs) {
          calls += 1;
          const call = describeCall(name, role, input, field);
          let outcome: Outcome;
          try {
            outcome = (await asUser(world.users[role], () => action(input))) as Outcome;
          } catch (error) {
            problems.push(`${call} threw ${String(error).slice(0, 200)}`);
            writtenBefore = await writes();
            continue;
          }
          const counted = await writes();
          const written = counted - writtenBefore;
          writtenBefore = counted;
          if (outcome.code === "INTERNAL") {
            problems.push(`${call} → internal error`);
            continue;
          }
          if (!refused(outcome)) {
            if (control) problems.push(`${call} accepted a control character in ${field?.join(".")}`);
            if (extraKeys) problems.push(`${call} accepted extra keys`);
            continue;
          }
          if (outcome.ok === false && (typeof outcome.error !== "string" || outcome.error.trim() === "")) {
            problems.push(`${call} refused without a message`);
          }
          if (written !== 0) problems.push(`${call} was refused (${String(outcome.code ?? outcome.data?.status)}) but wrote ${written} rows`);
          if (control && role === sample.as) {
            const key = field!.join(".");
            const onField = Object.keys(outcome.fieldErrors ?? {}).some((name) => name === key || name.startsWith(`${key}.`));
            const problemsListed = (outcome.data?.problems?.length ?? 0) > 0;
            if (!onField && !problemsListed) problems.push(`${call} refused a control character without a message on ${key}: ${JSON.stringify(outcome)}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 300_000);
});
