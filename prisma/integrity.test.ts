import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createSubmission, decideSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";

describe("the database keeps work from being hard-deleted", () => {
  it("refuses to delete a cohort, membership, person, roadmap version or attempt that work hangs on", async () => {
    const { versionId, roadmapId } = await importDefaultRoadmap();
    const cohort = await createCohort({ versionId });
    const learner = await createUser();
    const mentor = await createUser();
    const membership = await addMember(cohort.id, learner.id, "learner");
    await setProgress(membership.id, "ml-lifecycle", "done");
    const submission = await createSubmission({
      membershipId: membership.id,
      itemKey: "python-foundations",
      links: [{ url: "https://github.com/example/repo" }],
    });
    await decideSubmission({ submissionId: submission.id, reviewerId: mentor.id, decision: "approve" });

    await expect(db.cohort.delete({ where: { id: cohort.id } })).rejects.toThrow();
    await expect(db.membership.delete({ where: { id: membership.id } })).rejects.toThrow();
    await expect(db.user.delete({ where: { id: learner.id } })).rejects.toThrow();
    await expect(db.user.delete({ where: { id: mentor.id } })).rejects.toThrow();
    await expect(db.roadmapVersion.delete({ where: { id: versionId } })).rejects.toThrow();
    await expect(db.roadmap.delete({ where: { id: roadmapId } })).rejects.toThrow();
    await expect(db.submission.delete({ where: { id: submission.id } })).rejects.toThrow();
    expect(await db.progress.count({ where: { membershipId: membership.id } })).toBe(2);
  });

  it("allows one decision per attempt and one membership per person and cohort", async () => {
    const { versionId } = await importDefaultRoadmap();
    const cohort = await createCohort({ versionId });
    const [learner, mentorA, mentorB] = [await createUser(), await createUser(), await createUser()];
    const membership = await addMember(cohort.id, learner.id, "learner");
    await expect(addMember(cohort.id, learner.id, "mentor")).rejects.toThrow();
    const submission = await createSubmission({
      membershipId: membership.id,
      itemKey: "python-foundations",
      links: [{ url: "https://github.com/example/repo" }],
    });
    await db.review.create({ data: { submissionId: submission.id, reviewerId: mentorA.id, decision: "approve" } });
    await expect(
      db.review.create({ data: { submissionId: submission.id, reviewerId: mentorB.id, decision: "request_changes" } }),
    ).rejects.toThrow();
  });
});
