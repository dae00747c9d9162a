import { beforeAll, describe, expect, it } from "vitest";
import { countQueries } from "@/lib/db/query-count";
import { loadLearnerRoadmap } from "@/lib/features/progress/loaders";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createCheckin, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";

async function cohortWithLearners(versionId: string, size: number) {
  const cohort = await createCohort({ versionId, name: `Cohort of ${size}` });
  const learners = [];
  for (let i = 0; i < size; i += 1) {
    const user = await createUser();
    const membership = await addMember(cohort.id, user.id, "learner");
    await setProgress(membership.id, "python-for-automation", "done");
    learners.push({ user, membership });
  }
  return { cohort, learners };
}

const viewerOf = (user: { id: string; email: string; name: string }) => ({ ...user, isAdmin: false });

describe("learner roadmap page", () => {
  let versionId: string;
  beforeAll(async () => {
    ({ versionId } = await importDefaultRoadmap());
  });

  it("shows the learner's own statuses, phase by phase", async () => {
    const { learners } = await cohortWithLearners(versionId, 2);
    const [me, other] = learners;
    const roadmap = await loadLearnerRoadmap(viewerOf(me!.user));
    const first = roadmap.phases[0]!.milestones[0]!;
    await setProgress(me!.membership.id, first.key, "in_progress");
    await setProgress(other!.membership.id, first.key, "done");
    const again = await loadLearnerRoadmap(viewerOf(me!.user), roadmap.cohortId);
    expect(again.phases).toHaveLength(7);
    expect(again.phases[0]!.milestones[0]!.status).toBe("in_progress");
    expect(again.phases.flatMap((phase) => phase.milestones).length).toBeGreaterThan(20);
  });

  it("answers a cohort the viewer does not learn in like a missing one", async () => {
    const { cohort } = await cohortWithLearners(versionId, 1);
    const outsider = await createUser();
    await expect(loadLearnerRoadmap(viewerOf(outsider), cohort.id)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("welcomes a learner with no activity yet, and stops once they tick a milestone or check in", async () => {
    const cohort = await createCohort({ versionId, name: "Welcome Cohort", startDate: new Date("2027-01-04") });
    const [ticker, planner] = [await createUser(), await createUser()];
    const tickerMembership = await addMember(cohort.id, ticker.id, "learner");
    const plannerMembership = await addMember(cohort.id, planner.id, "learner");

    const { count, result: fresh } = await countQueries(() => loadLearnerRoadmap(viewerOf(ticker), cohort.id));
    expect(count).toBeLessThanOrEqual(4);
    expect(fresh.welcome).toEqual({
      phaseCount: 7,
      milestoneCount: fresh.phases.reduce((sum, phase) => sum + phase.milestones.length, 0),
      weeklyRule: expect.arrayContaining(["1 day: learn something new", "2 days: build"]),
      firstDue: fresh.phases[0]!.milestones[0]!.targetDate,
    });
    expect(fresh.startDate).toBe("2027-01-04");
    expect(fresh.welcome!.firstDue! > fresh.startDate).toBe(true);

    await setProgress(tickerMembership.id, fresh.phases[0]!.milestones[0]!.key, "in_progress");
    expect((await loadLearnerRoadmap(viewerOf(ticker), cohort.id)).welcome).toBeNull();
    await createCheckin({ membershipId: plannerMembership.id, weekStart: new Date("2027-01-04"), closed: false });
    expect((await loadLearnerRoadmap(viewerOf(planner), cohort.id)).welcome).toBeNull();
  });

  it("costs the same number of SQL statements for 3 and 30 learners (at most 4)", async () => {
    const small = await cohortWithLearners(versionId, 3);
    const large = await cohortWithLearners(versionId, 30);
    const smallCount = await countQueries(() => loadLearnerRoadmap(viewerOf(small.learners[0]!.user), small.cohort.id));
    const largeCount = await countQueries(() => loadLearnerRoadmap(viewerOf(large.learners[0]!.user), large.cohort.id));
    expect(largeCount.count).toBe(smallCount.count);
    expect(smallCount.count).toBeLessThanOrEqual(4);
  });
});
