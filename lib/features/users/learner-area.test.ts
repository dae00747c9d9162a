// The learner pages send someone who learns in no cohort home instead of showing a 404: /welcome until they join a
// cohort, the review queue for a mentor, the admin home for an admin; a learner stays. No statement is spent on it.
import { beforeAll, describe, expect, it } from "vitest";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { requireLearnerArea } from "@/lib/features/users/loaders";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

let cohortId: string;

beforeAll(async () => {
  const { versionId } = await importDefaultRoadmap();
  cohortId = (await createCohort({ versionId, name: "Learner Area Cohort" })).id;
});

/** Where the learner pages send `user`: the redirect's target, or null when they may stay. */
async function sentTo(user: User): Promise<string | null> {
  return asUser(user, async () => {
    const viewer = (await getViewer())!;
    const { result, count } = await countQueries(async () => {
      try {
        await requireLearnerArea(viewer);
        return null;
      } catch (error) {
        const digest = (error as { digest?: string }).digest ?? "";
        if (!digest.startsWith("NEXT_REDIRECT")) throw error;
        return digest.split(";")[2]!;
      }
    });
    expect(count).toBe(0);
    return result;
  });
}

describe("the learner pages for someone who learns in no cohort", () => {
  it("send a person with no role to /welcome", async () => {
    expect(await sentTo(await createUser({ name: "No Cohort Yet" }))).toBe("/welcome");
  });

  it("send a removed learner to /welcome", async () => {
    const learner = await createUser({ name: "Removed Learner" });
    const membership = await addMember(cohortId, learner.id, "learner");
    expect(await sentTo(learner)).toBeNull();
    await db.membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    expect(await sentTo(learner)).toBe("/welcome");
  });

  it("send a mentor to the review queue and an admin to the admin home, as / does", async () => {
    const mentor = await createUser({ name: "Mentor Only" });
    await addMember(cohortId, mentor.id, "mentor");
    expect(await sentTo(mentor)).toBe("/reviews");
    expect(await sentTo(await createUser({ name: "Admin Only", isAdmin: true }))).toBe("/admin");
  });

  it("let a learner stay, an admin who also learns included", async () => {
    const learningAdmin = await createUser({ name: "Learning Admin", isAdmin: true });
    await addMember(cohortId, learningAdmin.id, "learner");
    expect(await sentTo(learningAdmin)).toBeNull();
  });
});
