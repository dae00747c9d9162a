import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { updatePortfolioSettingsAction } from "@/lib/features/portfolio/actions";
import { getPublicPortfolio } from "@/lib/features/portfolio/data";
import { loadPortfolio } from "@/lib/features/portfolio/loaders";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createSubmission, decideSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

let versionId: string;
let projectKey: string;
let otherProjectKey: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const document = await readDefaultRoadmap();
  projectKey = document.projects[0]!.key;
  otherProjectKey = document.projects[1]!.key;
});

async function learnerWithWork(handle: string) {
  const cohort = await createCohort({ versionId });
  const learner = await createUser({ name: "Private Name", handle });
  const mentor = await createUser({ name: "Morgan Mentor" });
  const membership = await addMember(cohort.id, learner.id, "learner");
  const sha = "4f9c2d1a7b3e4f9c2d1a7b3e4f9c2d1a7b3e4f9c";
  const approved = await createSubmission({
    membershipId: membership.id,
    itemKey: projectKey,
    links: [{ url: `https://github.com/me/pipeline/commit/${sha}`, kind: "github_commit" }],
  });
  await decideSubmission({ submissionId: approved.id, reviewerId: mentor.id, decision: "approve" });
  const rejected = await createSubmission({
    membershipId: membership.id,
    itemKey: otherProjectKey,
    links: [{ url: "https://example.com/not-yet-approved" }],
  });
  await decideSubmission({ submissionId: rejected.id, reviewerId: mentor.id, decision: "request_changes" });
  await createSubmission({ membershipId: membership.id, itemKey: otherProjectKey, links: [{ url: "https://example.com/pending" }] });
  return { cohort, learner, mentor, membership, sha };
}

describe("the public portfolio", () => {
  it("does not exist until the learner opts in", async () => {
    const { learner } = await learnerWithWork("quiet-one");
    expect(await getPublicPortfolio("quiet-one")).toBeNull();
    await db.user.update({ where: { id: learner.id }, data: { portfolioPublic: true } });
    expect(await getPublicPortfolio("quiet-one")).not.toBeNull();
    await db.user.update({ where: { id: learner.id }, data: { deactivatedAt: new Date() } });
    expect(await getPublicPortfolio("quiet-one")).toBeNull();
  });

  it("shows only mentor-approved evidence, with approver, date and pinned commit — nothing else", async () => {
    const { learner, sha } = await learnerWithWork("open-one");
    await db.user.update({ where: { id: learner.id }, data: { portfolioPublic: true } });
    const portfolio = await getPublicPortfolio("open-one");
    expect(portfolio?.items).toHaveLength(1);
    expect(portfolio?.items[0]).toMatchObject({ kind: "project", approvedBy: "Morgan Mentor" });
    expect(portfolio?.items[0]!.links[0]!.commit).toBe(sha);
    const payload = JSON.stringify(portfolio);
    for (const hidden of ["Private Name", learner.email, "not-yet-approved", "pending", "$argon2"]) {
      expect(payload).not.toContain(hidden);
    }
  });

  it("costs the same number of statements with 1 or 10 approved items", async () => {
    await learnerWithWork("small-one");
    await db.user.update({ where: { handle: "small-one" }, data: { portfolioPublic: true } });
    const { membership, mentor } = await learnerWithWork("big-one");
    await db.user.update({ where: { handle: "big-one" }, data: { portfolioPublic: true } });
    const keys = (await readDefaultRoadmap()).phases.flatMap((p) => p.milestones).filter((m) => m.reviewRequired).slice(0, 9);
    for (const milestone of keys) {
      const attempt = await createSubmission({ membershipId: membership.id, itemKey: milestone.key, links: [{ url: "https://example.com/x" }] });
      await decideSubmission({ submissionId: attempt.id, reviewerId: mentor.id, decision: "approve" });
    }
    const a = await countQueries(() => getPublicPortfolio("small-one"));
    const b = await countQueries(() => getPublicPortfolio("big-one"));
    expect(b.result?.items).toHaveLength(10);
    expect(b.count).toBe(a.count);
  });
});

describe("portfolio settings", () => {
  it("saves the signed-in person's own handle and switch, and refuses a taken handle next to the field", async () => {
    const first = await createUser({ handle: "taken-handle" });
    const second = await createUser();
    expect(await asUser(second, () => updatePortfolioSettingsAction({ handle: "Fresh-Handle", isPublic: true }))).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ handle: "fresh-handle", portfolioPublic: true });
    const taken = await asUser(second, () => updatePortfolioSettingsAction({ handle: "taken-handle", isPublic: true }));
    expect(taken).toMatchObject({ ok: false, fieldErrors: { handle: ["This handle is taken; choose another."] } });
    const sneaky = await asUser(second, () => updatePortfolioSettingsAction({ handle: "mine", isPublic: true, userId: first.id }));
    expect(sneaky).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).handle).toBe("taken-handle");
  });

  it("lists the roadmap's five projects with the learner's status", async () => {
    const { learner } = await learnerWithWork("lister");
    const portfolio = await loadPortfolio({ id: learner.id, email: learner.email, name: learner.name, isAdmin: false });
    expect(portfolio.projects).toHaveLength(5);
    expect(portfolio.projects[0]).toMatchObject({ key: projectKey, status: "approved" });
    expect(portfolio.projects[1]).toMatchObject({ key: otherProjectKey, status: "submitted" });
  });
});
