// Every privileged change Cairn ships leaves an audit row (docs/product.md, "Domain"): each one is performed here through its real
// server action, signed in as the person who would make it, and the row is checked for actor, time, target and
// before/after — then read back through the audit page's loader, as the admin would see it. The list of codes
// and what their before/after hold is docs/audit-log.md.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/features/api-tokens/actions";
import { loadAuditLog } from "@/lib/features/audit/loaders";
import { signOffCriterionAction } from "@/lib/features/cohort-progress/actions";
import {
  addCohortMemberAction,
  createCohortAction,
  moveCohortVersionAction,
  removeCohortMemberAction,
  restoreCohortMemberAction,
  updateCohortSettingsAction,
  updateMemberScheduleAction,
} from "@/lib/features/cohorts/actions";
import { createInviteAction, revokeInviteAction } from "@/lib/features/invites/actions";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { claimReviewAction, decideReviewAction } from "@/lib/features/reviews/actions";
import { createWebhookAction, deleteWebhookAction, rotateWebhookSecretAction, setWebhookPausedAction } from "@/lib/features/webhooks/actions";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

let versionId: string;
let nextVersionId: string;
let reviewedKeys: string[];
let admin: User;
let mentorX: User;
let learnerX1: User;
let learnerX2: User;
let newcomer: User;
let x: { id: string; name: string };
let x1: { id: string };
let x2: { id: string };

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const document = await readDefaultRoadmap();
  ({ versionId: nextVersionId } = await importRoadmapDocument(document));
  reviewedKeys = document.phases.flatMap((phase) => phase.milestones).filter((m) => m.reviewRequired).map((m) => m.key);
  [admin, mentorX, learnerX1, learnerX2, newcomer] = await Promise.all([
    createUser({ isAdmin: true, name: "Ada Admin" }),
    createUser({ name: "Mentor X" }),
    createUser({ name: "Learner X1" }),
    createUser({ name: "Learner X2" }),
    createUser({ name: "Newcomer" }),
  ]);
  x = await createCohort({ versionId, name: "Cohort X" });
  await addMember(x.id, mentorX.id, "mentor");
  x1 = await addMember(x.id, learnerX1.id, "learner");
  x2 = await addMember(x.id, learnerX2.id, "learner");
});

/** Runs one change and returns the single audit row it wrote. */
async function audited(work: () => Promise<{ ok: boolean }>) {
  const since = new Date();
  const before = await db.auditEvent.count();
  const result = await work();
  expect(result).toMatchObject({ ok: true });
  expect(await db.auditEvent.count()).toBe(before + 1);
  const row = await db.auditEvent.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(since.getTime() - 5);
  expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 5);
  return row;
}

/** The same row as the audit page shows it to an admin. */
async function shown(id: string) {
  const page = await asUser(admin, () => loadAuditLog(admin, {}));
  const row = page.rows.find((candidate) => candidate.id === id);
  expect(row, "the event is on the first page of the audit log").toBeDefined();
  return row!;
}

describe("cohort management", () => {
  it("creating a cohort (admin) records its fields and mentors", async () => {
    const row = await audited(() =>
      asUser(admin, () =>
        createCohortAction({
          name: "Autumn 2027",
          versionId,
          startDate: "2027-09-06",
          endDate: "",
          weeksPerPhase: "2",
          reviewTargetHours: "48",
          timezone: "Europe/Berlin",
          mentorEmails: [mentorX.email],
        }),
      ),
    );
    expect(row).toMatchObject({ action: "cohort.create", actorId: admin.id, targetType: "cohort", before: null });
    expect(row.cohortId).toBe(row.targetId);
    expect(row.after).toMatchObject({ name: "Autumn 2027", startDate: "2027-09-06", reviewTargetHours: 48, mentors: [mentorX.email] });
    const view = await shown(row.id);
    expect(view).toMatchObject({ actionLabel: "Created cohort", actor: { name: "Ada Admin" }, target: { name: "Autumn 2027" } });
    expect(view.changes).toContainEqual({ field: "name", before: "—", after: "Autumn 2027" });
  });

  it("saving settings (mentor) records only the fields that changed, before and after", async () => {
    const cohort = await createCohort({ versionId, name: "Settings Cohort" });
    await addMember(cohort.id, mentorX.id, "mentor");
    const row = await audited(() =>
      asUser(mentorX, () =>
        updateCohortSettingsAction({
          cohortId: cohort.id,
          lockVersion: 0,
          name: "Settings Cohort",
          startDate: "2027-01-04",
          endDate: "",
          weeksPerPhase: "3",
          reviewTargetHours: "72",
          timezone: "UTC",
          inactivityDays: "7",
          behindPaceBy: "2",
          changesRequestedDays: "5",
          phaseSlippedDays: "7",
        }),
      ),
    );
    expect(row).toMatchObject({
      action: "cohort.update",
      actorId: mentorX.id,
      targetId: cohort.id,
      cohortId: cohort.id,
      before: { weeksPerPhase: 2 },
      after: { weeksPerPhase: 3 },
    });
    expect((await shown(row.id)).changes).toEqual([{ field: "weeks per phase", before: "2", after: "3" }]);
  });

  it("adding, removing and adding back a member each record the membership and its removal date", async () => {
    const added = await audited(() => asUser(mentorX, () => addCohortMemberAction({ cohortId: x.id, email: newcomer.email, role: "learner" })));
    const membership = await db.membership.findUniqueOrThrow({ where: { cohortId_userId: { cohortId: x.id, userId: newcomer.id } } });
    expect(added).toMatchObject({
      action: "cohort.member_add",
      actorId: mentorX.id,
      targetType: "membership",
      targetId: membership.id,
      cohortId: x.id,
      after: { userId: newcomer.id, role: "learner", reactivated: false },
    });

    const removed = await audited(() => asUser(mentorX, () => removeCohortMemberAction({ membershipId: membership.id })));
    expect(removed).toMatchObject({
      action: "cohort.member_remove",
      actorId: mentorX.id,
      targetId: membership.id,
      before: { userId: newcomer.id, role: "learner", removedAt: null },
      after: { removedAt: expect.any(String) },
    });
    expect((await shown(removed.id)).changes).toEqual([{ field: "removed at", before: "—", after: expect.stringMatching(/^\d{4}-/) }]);

    const restored = await audited(() => asUser(admin, () => restoreCohortMemberAction({ membershipId: membership.id })));
    expect(restored).toMatchObject({
      action: "cohort.member_add",
      actorId: admin.id,
      targetId: membership.id,
      before: { removedAt: (removed.after as { removedAt: string }).removedAt },
      after: { removedAt: null, reactivated: true },
    });
    expect(await shown(restored.id)).toMatchObject({ target: { name: "Newcomer", detail: "learner in Cohort X" } });
  });

  it("a learner's start date and extension (mentor) records both, before and after", async () => {
    const row = await audited(() =>
      asUser(mentorX, () => updateMemberScheduleAction({ membershipId: x2.id, startDate: "2027-02-01", extensionDays: "10" })),
    );
    expect(row).toMatchObject({
      action: "cohort.member_schedule",
      actorId: mentorX.id,
      targetId: x2.id,
      before: { startDate: null, extensionDays: 0 },
      after: { startDate: "2027-02-01", extensionDays: 10 },
    });
    expect((await shown(row.id)).changes).toEqual([
      { field: "start date", before: "—", after: "2027-02-01" },
      { field: "extension days", before: "0", after: "10" },
    ]);
  });

  it("creating and revoking an invite link record the invite, never its token", async () => {
    const created = await audited(() =>
      asUser(mentorX, () => createInviteAction({ cohortId: x.id, role: "learner", expiresInDays: 7, maxUses: 5 })),
    );
    expect(created).toMatchObject({
      action: "invite.create",
      actorId: mentorX.id,
      targetType: "invite",
      cohortId: x.id,
      after: { role: "learner", maxUses: 5, expiresAt: expect.any(String) },
    });
    expect(JSON.stringify(created.after)).not.toMatch(/token/i);

    const revoked = await audited(() => asUser(admin, () => revokeInviteAction({ inviteId: created.targetId })));
    expect(revoked).toMatchObject({
      action: "invite.revoke",
      actorId: admin.id,
      targetId: created.targetId,
      before: { revokedAt: null },
      after: { revokedAt: expect.any(String) },
    });
    expect(await shown(revoked.id)).toMatchObject({ target: { name: "Learner invite", detail: "for Cohort X" } });
  });

  it("moving a cohort to another version records both versions", async () => {
    const cohort = await createCohort({ versionId, name: "Moving Cohort" });
    const row = await audited(() =>
      asUser(admin, () => moveCohortVersionAction({ cohortId: cohort.id, fromVersionId: versionId, versionId: nextVersionId })),
    );
    expect(row).toMatchObject({
      action: "cohort.version_move",
      actorId: admin.id,
      targetId: cohort.id,
      before: { versionId, number: 1 },
      after: { versionId: nextVersionId, number: 2 },
    });
    expect((await shown(row.id)).changes).toContainEqual({ field: "number", before: "1", after: "2" });
  });
});

describe("reviews and sign-offs", () => {
  it("approving and requesting changes record the decision on the attempt with both statuses", async () => {
    const first = await createSubmission({ membershipId: x1.id, itemKey: reviewedKeys[0]!, links: [{ url: "https://github.com/l/p/pull/1" }] });
    const approved = await audited(() =>
      asUser(mentorX, () => decideReviewAction({ submissionId: first.id, decision: "approve", comment: "" })),
    );
    expect(approved).toMatchObject({
      action: "review.approve",
      actorId: mentorX.id,
      targetType: "submission",
      targetId: first.id,
      cohortId: x.id,
      before: { submission: "pending", progress: "submitted" },
      after: { submission: "approved", progress: "approved" },
    });
    expect(await shown(approved.id)).toMatchObject({
      actionLabel: "Recorded review decision: approved",
      target: { typeLabel: "Attempt", name: "Learner X1", href: `/reviews/${first.id}` },
    });

    const second = await createSubmission({ membershipId: x1.id, itemKey: reviewedKeys[1]!, links: [{ url: "https://github.com/l/p/pull/2" }] });
    const changes = await audited(() =>
      asUser(admin, () => decideReviewAction({ submissionId: second.id, decision: "request_changes", comment: "Add a test." })),
    );
    expect(changes).toMatchObject({
      action: "review.request_changes",
      actorId: admin.id,
      targetId: second.id,
      after: { submission: "changes_requested", progress: "changes_requested" },
    });
  });

  it("signing off a success criterion records who signed and what was signed", async () => {
    const criterion = await db.successCriterion.findFirstOrThrow({ where: { versionId }, orderBy: { position: "asc" } });
    const assessment = await db.criterionAssessment.create({
      data: { membershipId: x1.id, criterionKey: criterion.key, level: "confident", justification: "Shipped it." },
    });
    const row = await audited(() =>
      asUser(mentorX, () => signOffCriterionAction({ assessmentId: assessment.id, seenUpdatedAt: assessment.updatedAt.toISOString() })),
    );
    expect(row).toMatchObject({
      action: "criterion.sign_off",
      actorId: mentorX.id,
      targetType: "criterion_assessment",
      targetId: assessment.id,
      cohortId: x.id,
      before: { signedOffById: null, signedOffAt: null },
      after: { signedOffById: mentorX.id, criterionKey: criterion.key, level: "confident" },
    });
    expect(await shown(row.id)).toMatchObject({ target: { name: "Learner X1", href: `/cohorts/${x.id}/learners/${x1.id}` } });
  });

  it("a claim is not an audited change: it expires by itself and the decision records the reviewer", async () => {
    const attempt = await createSubmission({ membershipId: x2.id, itemKey: reviewedKeys[2]!, links: [{ url: "https://github.com/l/p/pull/3" }] });
    const before = await db.auditEvent.count();
    expect(await asUser(mentorX, () => claimReviewAction({ submissionId: attempt.id }))).toMatchObject({ ok: true });
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("webhooks", () => {
  it("creating, pausing, turning on, rotating and deleting a hook record it, never its secret", async () => {
    const created = await asUser(admin, () =>
      createWebhookAction({ url: "https://hooks.example.org/cairn", description: "Relay", cohortId: "", events: ["submission.created"], allowPrivateNetwork: false }),
    );
    if (!created.ok) throw new Error(created.error);
    const { webhookId, secret } = created.data;
    const createRow = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.create", targetId: webhookId } });
    expect(createRow).toMatchObject({ actorId: admin.id, targetType: "webhook", before: null, after: { host: "hooks.example.org", description: "Relay" } });
    expect(await shown(createRow.id)).toMatchObject({
      actionLabel: "Created webhook",
      target: { typeLabel: "Webhook", name: "Relay", detail: "hooks.example.org", href: `/admin/webhooks/${webhookId}` },
    });
    const rows = [
      await audited(() => asUser(admin, () => setWebhookPausedAction({ webhookId, paused: true }))),
      await audited(() => asUser(admin, () => setWebhookPausedAction({ webhookId, paused: false }))),
      await audited(() => asUser(admin, () => rotateWebhookSecretAction({ webhookId }))),
      await audited(() => asUser(admin, () => deleteWebhookAction({ webhookId }))),
    ];
    expect(rows.map((row) => [row.action, row.actorId])).toEqual([
      ["webhook.pause", admin.id],
      ["webhook.resume", admin.id],
      ["webhook.secret_rotate", admin.id],
      ["webhook.delete", admin.id],
    ]);
    expect(JSON.stringify([createRow, rows])).not.toContain(secret.slice(6));
  });
});

describe("API tokens", () => {
  it("creating a token (its person) and revoking it (an admin) record the token, never its secret", async () => {
    const created = await asUser(learnerX1, () => createApiTokenAction({ name: "Nightly CI", expiry: "never", scopes: ["read", "submit"] }));
    if (!created.ok) throw new Error(created.error);
    const { token, view } = created.data;
    const createRow = await db.auditEvent.findFirstOrThrow({ where: { action: "api_token.create", targetId: view.id } });
    expect(createRow).toMatchObject({
      actorId: learnerX1.id,
      targetType: "api_token",
      before: null,
      after: { name: "Nightly CI", prefix: view.prefix, scopes: ["read", "submit"], expiresAt: null },
    });
    expect(JSON.stringify(createRow)).not.toContain(token.slice(view.prefix.length));
    expect(await shown(createRow.id)).toMatchObject({
      actionLabel: "Created API token",
      actor: { name: "Learner X1" },
      target: { typeLabel: "API token", name: "Nightly CI", detail: `${view.prefix}… of Learner X1` },
    });

    const row = await audited(() => asUser(admin, () => revokeApiTokenAction({ tokenId: view.id })));
    expect(row).toMatchObject({ action: "api_token.revoke", actorId: admin.id, targetId: view.id, before: { revokedAt: null } });
    expect(await shown(row.id)).toMatchObject({ actionLabel: "Revoked API token", actor: { name: "Ada Admin" }, target: { name: "Nightly CI" } });
  });
});
