import { describe, expect, it } from "vitest";
import { getActiveViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories/users";

describe("resolving the viewer against the database", () => {
  it("accepts the session version the JWT carries, with roles read from the database", async () => {
    const user = await createUser({ isAdmin: true });
    expect(await getActiveViewer(user.id, 0)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      isAdmin: true,
      timeZone: null,
      roles: { mentorCohortIds: [], learnerCohortIds: [] },
    });
    await db.user.update({ where: { id: user.id }, data: { isAdmin: false } });
    expect((await getActiveViewer(user.id, 0))?.isAdmin).toBe(false);
  });

  it("refuses a JWT issued before sign-out or a password change (session version bumped)", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getActiveViewer(user.id, 0)).toBeNull();
    expect(await getActiveViewer(user.id, 1)).not.toBeNull();
  });

  it("refuses a deactivated person on their very next request", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await getActiveViewer(user.id, 0)).toBeNull();
  });
});

describe("test sessions", () => {
  it("still go through the database check", async () => {
    const { getViewer } = await import("@/lib/auth/viewer");
    const { asUser } = await import("@/test/as-viewer");
    const user = await createUser();
    expect((await asUser(user, () => getViewer()))?.id).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await asUser(user, () => getViewer())).toBeNull();
  });
});

describe("the session check", () => {
  it("reads the person and their roles in one statement, so a page's navigation costs nothing more", async () => {
    const { countQueries } = await import("@/lib/db/query-count");
    const { loadNavAreas } = await import("@/lib/features/users/loaders");
    const { getViewer } = await import("@/lib/auth/viewer");
    const { asUser } = await import("@/test/as-viewer");
    const { importDefaultRoadmap } = await import("@/prisma/factories/roadmaps");
    const { addMember, createCohort } = await import("@/prisma/factories/cohorts");
    const { versionId } = await importDefaultRoadmap();
    const [learning, mentoring, learner] = await Promise.all([createCohort({ versionId }), createCohort({ versionId }), createUser()]);
    await addMember(learning.id, learner.id, "learner");
    await addMember(mentoring.id, learner.id, "mentor");
    const { count, result } = await countQueries(() => asUser(learner, async () => loadNavAreas((await getViewer())!)));
    expect(result).toEqual(["learner", "mentor"]);
    expect(count).toBe(1);
  });
});
