// "Sign off" runs as shipped: asUser() supplies the session a browser would send, and the session check,
// validation, scope (assessment → membership → cohort → the viewer's access) and the write all run for real.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signOffCriterionAction } from "@/lib/features/cohort-progress/actions";
import { SIGN_OFF_MESSAGES } from "@/lib/features/cohort-progress/schema";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

let criterionKeys: string[];
let world: Awaited<ReturnType<typeof createWorldOnDefaultRoadmap>>;

async function createWorldOnDefaultRoadmap() {
  const { versionId } = await importDefaultRoadmap();
  criterionKeys = (await db.successCriterion.findMany({ where: { versionId }, orderBy: { position: "asc" }, select: { key: true } })).map(
    (criterion) => criterion.key,
  );
  return createWorld({
    versionId,
    extra: { adminLearner: { in: "x", as: "learner", name: "Admin Learner", isAdmin: true } },
  });
}

async function assess(membershipId: string, criterionKey = criterionKeys[0]!) {
  return db.criterionAssessment.create({
    data: { membershipId, criterionKey, level: "confident", justification: "Shipped three pipelines this term." },
  });
}

const input = (assessment: { id: string; updatedAt: Date }) => ({
  assessmentId: assessment.id,
  seenUpdatedAt: assessment.updatedAt.toISOString(),
});

beforeAll(async () => {
  world = await createWorldOnDefaultRoadmap();
});

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.criterionAssessment.deleteMany();
  await db.membership.update({ where: { id: world.memberships.mentorX.id }, data: { removedAt: null } });
});

describe("signOffCriterionAction", () => {
  it("records who signed off and when, with an audit event, for the cohort's mentor", async () => {
    const assessment = await assess(world.memberships.x1.id);
    const result = await asUser(world.mentorX, () => signOffCriterionAction(input(assessment)));
    expect(result).toMatchObject({ ok: true, data: { signedOffBy: "Mentor X" } });

    const row = await db.criterionAssessment.findUniqueOrThrow({ where: { id: assessment.id } });
    expect(row.signedOffById).toBe(world.mentorX.id);
    expect(row.signedOffAt?.toISOString()).toBe(result.ok ? result.data.signedOffAt : null);
    const audit = await db.auditEvent.findMany({ where: { action: "criterion.sign_off" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: world.mentorX.id,
      targetType: "criterion_assessment",
      targetId: assessment.id,
      cohortId: world.x.id,
      after: { criterionKey: criterionKeys[0], membershipId: world.memberships.x1.id, signedOffById: world.mentorX.id },
    });
  });

  it("lets an admin and every active mentor of the cohort sign off", async () => {
    const first = await assess(world.memberships.x1.id);
    const second = await assess(world.memberships.x2.id);
    expect((await asUser(world.admin, () => signOffCriterionAction(input(first)))).ok).toBe(true);
    expect((await asUser(world.dual, () => signOffCriterionAction(input(second)))).ok).toBe(true);
  });

  it("answers another cohort's mentor, a learner, a random id and a removed learner with the same NOT_FOUND", async () => {
    const inX = await assess(world.memberships.x2.id);
    const inY = await assess(world.memberships.y1.id);
    const dualsOwn = await assess(world.memberships.dualY.id);
    const notFound = { ok: false, code: "NOT_FOUND", error: SIGN_OFF_MESSAGES.notFound };
    const random = { assessmentId: "0195f3a4-0000-7000-8000-000000000000", seenUpdatedAt: new Date().toISOString() };

    expect(await asUser(world.mentorY, () => signOffCriterionAction(input(inX)))).toMatchObject(notFound);
    expect(await asUser(world.mentorX, () => signOffCriterionAction(input(inY)))).toMatchObject(notFound);
    expect(await asUser(world.learnerX1, () => signOffCriterionAction(input(inX)))).toMatchObject(notFound);
    // dual mentors X but learns in Y: their own self-assessment is out of their mentoring scope.
    expect(await asUser(world.dual, () => signOffCriterionAction(input(dualsOwn)))).toMatchObject(notFound);
    expect(await asUser(world.mentorX, () => signOffCriterionAction(random))).toMatchObject(notFound);

    await db.membership.update({ where: { id: world.memberships.x2.id }, data: { removedAt: new Date() } });
    try {
      expect(await asUser(world.mentorX, () => signOffCriterionAction(input(inX)))).toMatchObject(notFound);
    } finally {
      await db.membership.update({ where: { id: world.memberships.x2.id }, data: { removedAt: null } });
    }
    expect(await db.criterionAssessment.count({ where: { signedOffAt: { not: null } } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a mentor on the next call once they are removed from the cohort (docs/security.md #5)", async () => {
    const first = await assess(world.memberships.x1.id);
    const second = await assess(world.memberships.x2.id);
    expect((await asUser(world.mentorX, () => signOffCriterionAction(input(first)))).ok).toBe(true);
    await db.membership.update({ where: { id: world.memberships.mentorX.id }, data: { removedAt: new Date() } });
    expect(await asUser(world.mentorX, () => signOffCriterionAction(input(second)))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.criterionAssessment.findUniqueOrThrow({ where: { id: second.id } })).signedOffAt).toBeNull();
  });

  it("never lets someone sign off their own self-assessment, admins included", async () => {
    const own = await assess(world.memberships.adminLearner.id);
    expect(await asUser(world.adminLearner, () => signOffCriterionAction(input(own)))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: SIGN_OFF_MESSAGES.own,
    });
  });

  it("signs off once, and never an answer the mentor did not see", async () => {
    const assessment = await assess(world.memberships.x1.id);
    expect((await asUser(world.mentorX, () => signOffCriterionAction(input(assessment)))).ok).toBe(true);
    const again = await asUser(world.admin, () => signOffCriterionAction(input(assessment)));
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(again.ok ? "" : again.error).toMatch(/^Already signed off by Mentor X on /);

    const changed = await assess(world.memberships.x2.id);
    const seen = input(changed);
    await db.criterionAssessment.update({ where: { id: changed.id }, data: { level: "partly" } });
    expect(await asUser(world.mentorX, () => signOffCriterionAction(seen))).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: SIGN_OFF_MESSAGES.changed,
    });
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("rejects extra fields and malformed input (docs/security.md #7)", async () => {
    const assessment = await assess(world.memberships.x1.id);
    const extra = await asUser(world.mentorX, () => signOffCriterionAction({ ...input(assessment), signedOffById: world.mentorY.id }));
    expect(extra).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await asUser(world.mentorX, () => signOffCriterionAction({ assessmentId: "x", seenUpdatedAt: "y" }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await asUser(world.mentorX, () => signOffCriterionAction(null))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await db.criterionAssessment.findUniqueOrThrow({ where: { id: assessment.id } })).signedOffAt).toBeNull();
  });
});
