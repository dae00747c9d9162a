// Losing access is immediate and final (docs/security.md #35, #41): a mentor removed from a cohort, a deactivated
// person or a demoted admin holds no review claim they may no longer use, so another mentor can pick the attempt up at
// once; and a removed mentor who redeems a learner link of the same cohort is a learner, with none of a mentor's pages.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportProgress } from "@/app/(app)/cohorts/[cohortId]/export/progress/route";
import { requireViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { loadLearnerDetail } from "@/lib/features/cohort-progress/loaders";
import { removeCohortMemberAction } from "@/lib/features/cohorts/actions";
import { loadCohortMembersPage } from "@/lib/features/cohorts/loaders";
import { createInviteAction, joinCohortAction } from "@/lib/features/invites/actions";
import { loadLearnerRoadmap } from "@/lib/features/progress/loaders";
import { claimReviewAction } from "@/lib/features/reviews/actions";
import { loadReviewQueue, loadReviewScreen } from "@/lib/features/reviews/loaders";
import { deactivateUserAction, setAdminAction } from "@/lib/features/users/actions";
import { addMember } from "@/prisma/factories/cohorts";
import { createSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;
const LINKS = [{ url: "https://github.com/learner/pipeline/pull/3", kind: "github_pull_request" as const }];

let versionId: string;
let reviewedKey: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const milestone = (await readDefaultRoadmap()).phases.flatMap((phase) => phase.milestones).find((m) => m.reviewRequired);
  reviewedKey = milestone!.key;
});

/** The fixture world with a waiting attempt in X and in Y; mentorX mentors Y too, mentorX2 only X. */
async function world() {
  const w = await createWorld({
    versionId,
    names: { mentorX: "Morgan X", mentorY: "Yara Y" },
    extra: { mentorX2: { in: "x", as: "mentor", name: "Noor X" } },
  });
  await addMember(w.y.id, w.mentorX.id, "mentor");
  const attemptX = await createSubmission({ membershipId: w.memberships.x1.id, itemKey: reviewedKey, links: LINKS });
  const attemptY = await createSubmission({ membershipId: w.memberships.y1.id, itemKey: reviewedKey, links: LINKS });
  return { ...w, mentorXInX: w.memberships.mentorX, x1: w.memberships.x1, attemptX, attemptY };
}

const claim = (user: User, submissionId: string) => asUser(user, () => claimReviewAction({ submissionId }));

async function claimedBy(submissionId: string) {
  return (await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { claimedById: true } })).claimedById;
}

describe("claims of someone who loses access are released at once (docs/security.md #41)", () => {
  it("removing a mentor frees their claims in that cohort in the same step; another mentor claims at once", async () => {
    const w = await world();
    expect(await claim(w.mentorX, w.attemptX.id)).toMatchObject({ ok: true });
    expect(await claim(w.mentorX, w.attemptY.id)).toMatchObject({ ok: true });
    expect(await claim(w.mentorX2, w.attemptX.id)).toMatchObject({ ok: false, code: "CONFLICT" });

    expect(await asUser(w.mentorX2, () => removeCohortMemberAction({ membershipId: w.mentorXInX.id }))).toEqual({ ok: true, data: undefined });
    expect(await claimedBy(w.attemptX.id)).toBeNull();
    expect(await claim(w.mentorX2, w.attemptX.id)).toMatchObject({ ok: true });
    // Cohort Y still has them as its mentor: that claim stands.
    expect(await claimedBy(w.attemptY.id)).toBe(w.mentorX.id);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "cohort.member_remove", targetId: w.mentorXInX.id } })).toMatchObject({
      after: { role: "mentor", claimsReleased: 1 },
    });
  });

  it("deactivating a mentor frees every claim they hold", async () => {
    const w = await world();
    await claim(w.mentorX, w.attemptX.id);
    await claim(w.mentorX, w.attemptY.id);
    expect(await asUser(w.admin, () => deactivateUserAction({ userId: w.mentorX.id }))).toMatchObject({ ok: true });
    expect([await claimedBy(w.attemptX.id), await claimedBy(w.attemptY.id)]).toEqual([null, null]);
    expect(await claim(w.mentorX2, w.attemptX.id)).toMatchObject({ ok: true });
    expect(await claim(w.mentorY, w.attemptY.id)).toMatchObject({ ok: true });
  });

  it("removing someone's admin flag frees their claims outside the cohorts they mentor", async () => {
    const w = await world();
    const formerAdmin = await createUser({ isAdmin: true, name: "Former Admin" });
    await addMember(w.y.id, formerAdmin.id, "mentor");
    await claim(formerAdmin, w.attemptX.id);
    await claim(formerAdmin, w.attemptY.id);
    expect(await asUser(w.admin, () => setAdminAction({ userId: formerAdmin.id, isAdmin: false }))).toMatchObject({ ok: true });
    expect(await claimedBy(w.attemptX.id)).toBeNull();
    expect(await claimedBy(w.attemptY.id)).toBe(formerAdmin.id);
  });

  it("an admin taken off a cohort's mentors keeps their claims there: they may still review in any cohort", async () => {
    const w = await world();
    const adminMentor = await addMember(w.x.id, w.admin.id, "mentor");
    await claim(w.admin, w.attemptX.id);
    expect(await asUser(w.mentorX, () => removeCohortMemberAction({ membershipId: adminMentor.id }))).toMatchObject({ ok: true });
    // Still an admin, who may review in any cohort.
    expect(await claimedBy(w.attemptX.id)).toBe(w.admin.id);
  });
});

describe("a removed mentor who redeems a learner link (docs/security.md #35)", () => {
  it("comes back as a learner: the cohort's pages, the review screen, claims and the progress CSV all answer 404", async () => {
    const w = await world();
    await claim(w.mentorX, w.attemptX.id);
    await asUser(w.mentorX2, () => removeCohortMemberAction({ membershipId: w.mentorXInX.id }));
    const created = await asUser(w.mentorX2, () => createInviteAction({ cohortId: w.x.id, role: "learner", expiresInDays: 7, maxUses: 5 }));
    const token = created.ok ? created.data.token : "";

    expect(await asUser(w.mentorX, () => joinCohortAction({ token }))).toEqual({
      ok: true,
      data: { cohortId: w.x.id, role: "learner", home: `/roadmap?cohort=${w.x.id}`, alreadyMember: false },
    });
    expect(await db.membership.findUniqueOrThrow({ where: { id: w.mentorXInX.id } })).toMatchObject({ role: "learner", removedAt: null });

    const as = <T>(work: (viewer: Awaited<ReturnType<typeof requireViewer>>) => Promise<T>) =>
      asUser(w.mentorX, async () => work(await requireViewer()));
    await expect(as((viewer) => loadCohortMembersPage(viewer, w.x.id))).rejects.toThrow(NOT_FOUND);
    await expect(as((viewer) => loadLearnerDetail(viewer, w.x.id, w.x1.id))).rejects.toThrow(NOT_FOUND);
    await expect(as((viewer) => loadReviewScreen(viewer, w.attemptX.id))).rejects.toThrow(NOT_FOUND);
    expect(await claim(w.mentorX, w.attemptX.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await claimedBy(w.attemptX.id)).toBeNull();
    const csv = await asUser(w.mentorX, () =>
      exportProgress(new Request(`http://localhost/cohorts/${w.x.id}/export/progress`), { params: Promise.resolve({ cohortId: w.x.id }) }),
    );
    expect(csv.status).toBe(404);
    expect(await csv.text()).not.toContain("@example.test");
    // Their queue is Y's only; as a learner of X they see their own roadmap.
    const queue = await as((viewer) => loadReviewQueue(viewer));
    expect(queue.cohorts.map((cohort) => cohort.id)).toEqual([w.y.id]);
    await expect(as((viewer) => loadLearnerRoadmap(viewer, w.x.id))).resolves.toBeTruthy();
  });
});
