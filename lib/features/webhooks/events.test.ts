// Every write that announces a webhook event, through its real server action: the delivery row is written with the
// change, for each active hook subscribed to the event and no other, and its payload names what a receiver needs
// (ids, names, titles, links) and nothing private: no e-mail address, no note to mentors.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addCohortMemberAction, createCohortAction, restoreCohortMemberAction } from "@/lib/features/cohorts/actions";
import { acceptInviteAction } from "@/lib/features/invites/actions";
import { submitEvidenceAction, tickMilestoneAction } from "@/lib/features/progress/actions";
import { decideReviewAction } from "@/lib/features/reviews/actions";
import { createDraftAction, publishVersionAction } from "@/lib/features/roadmaps/actions";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/features/webhooks/constants";
import { emitWebhookEvent } from "@/lib/features/webhooks/mutations";
import { createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { createSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWebhook } from "@/prisma/factories/webhooks";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

let versionId: string;
let roadmapId: string;
let selfCheck: { key: string; title: string };
let reviewed: { key: string; title: string };
let recorded: { key: string; title: string };

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  roadmapId = (await db.roadmapVersion.findUniqueOrThrow({ where: { id: versionId } })).roadmapId;
  const milestones = (await readDefaultRoadmap()).phases.flatMap((phase) => phase.milestones);
  selfCheck = milestones.find((m) => !m.reviewRequired && m.evidence !== "required")!;
  reviewed = milestones.find((m) => m.reviewRequired)!;
  recorded = milestones.find((m) => !m.reviewRequired && m.evidence === "required")!;
});

/** A hook for every event plus one for nothing relevant, so "one row per subscribed hook" is what is checked. */
async function hooks() {
  await db.webhook.deleteMany();
  const all = await createWebhook({ url: "https://hooks.example.test/all", events: [...WEBHOOK_EVENTS] });
  await createWebhook({ url: "https://hooks.example.test/paused", events: [...WEBHOOK_EVENTS], active: false });
  return all;
}

async function deliveries(event: WebhookEvent) {
  const rows = await db.webhookDelivery.findMany({ where: { event }, orderBy: { createdAt: "asc" }, select: { webhookId: true, payload: true, status: true } });
  return rows;
}

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe("webhook events from Cairn's writes", () => {
  it("submission.created when a learner submits evidence, with the attempt, its links and no note", async () => {
    const hook = await hooks();
    const w = await createWorld({ versionId });
    const result = await asUser(w.learnerX1, () =>
      submitEvidenceAction({ cohortId: w.x.id, itemKey: reviewed.key, links: [{ url: "https://github.com/x1/pipeline/pull/3", label: "PR" }], note: "Secret-ish note" }),
    );
    if (!result.ok) throw new Error(result.error);
    const rows = await deliveries("submission.created");
    expect(rows).toEqual([{ webhookId: hook.id, status: "pending", payload: expect.anything() }]);
    expect(rows[0]!.payload).toEqual({
      type: "submission.created",
      timestamp: ISO,
      data: {
        cohort: { id: w.x.id, name: w.x.name },
        learner: { id: w.learnerX1.id, name: w.learnerX1.name },
        milestone: { key: reviewed.key, title: reviewed.title },
        submission: { id: result.data.submissionId, attempt: 1, status: "pending", source: "web", url: `/reviews/${result.data.submissionId}` },
        links: [{ url: "https://github.com/x1/pipeline/pull/3", label: "PR" }],
      },
    });
    expect(JSON.stringify(rows)).not.toContain("Secret-ish");
    expect(JSON.stringify(rows)).not.toContain(w.learnerX1.email);
    expect(await deliveries("milestone.completed")).toEqual([]);
  });

  it("submission.reviewed on a decision, with its comment, and milestone.completed when it approves", async () => {
    await hooks();
    const w = await createWorld({ versionId });
    const attempt = await createSubmission({ membershipId: w.memberships.x1.id, itemKey: reviewed.key, links: [{ url: "https://github.com/x1/a" }] });
    const result = await asUser(w.mentorX, () => decideReviewAction({ submissionId: attempt.id, decision: "approve", comment: "Nice work." }));
    expect(result).toMatchObject({ ok: true });
    const [decision] = await deliveries("submission.reviewed");
    expect(decision!.payload).toEqual({
      type: "submission.reviewed",
      timestamp: ISO,
      data: {
        cohort: { id: w.x.id, name: w.x.name },
        learner: { id: w.learnerX1.id, name: w.learnerX1.name },
        milestone: { key: reviewed.key, title: reviewed.title },
        submission: { id: attempt.id, attempt: 1, status: "approved", url: `/reviews/${attempt.id}` },
        decision: "approve",
        comment: "Nice work.",
        reviewer: { id: w.mentorX.id, name: w.mentorX.name },
      },
    });
    const [completed] = await deliveries("milestone.completed");
    expect(completed!.payload).toMatchObject({
      type: "milestone.completed",
      data: { completedBy: "review", milestone: { key: reviewed.key }, submission: { id: attempt.id, attempt: 1 }, url: `/cohorts/${w.x.id}/learners/${w.memberships.x1.id}` },
    });
    expect(JSON.stringify([decision, completed])).not.toContain(w.mentorX.email);
  });

  it("submission.reviewed but no milestone.completed when a mentor asks for changes", async () => {
    await hooks();
    const w = await createWorld({ versionId });
    const attempt = await createSubmission({ membershipId: w.memberships.x1.id, itemKey: reviewed.key, links: [{ url: "https://github.com/x1/a" }] });
    await asUser(w.mentorX, () => decideReviewAction({ submissionId: attempt.id, decision: "request_changes", comment: "Add tests." }));
    expect((await deliveries("submission.reviewed")).map((row) => row.payload)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ decision: "request_changes", comment: "Add tests." }) }),
    ]);
    expect(await deliveries("milestone.completed")).toEqual([]);
  });

  it("milestone.completed when a learner ticks a self-check milestone, once, and not on start or un-tick", async () => {
    await hooks();
    const w = await createWorld({ versionId });
    const tick = (event: string) => asUser(w.learnerX1, () => tickMilestoneAction({ cohortId: w.x.id, itemKey: selfCheck.key, event }));
    expect(await tick("start")).toMatchObject({ ok: true });
    expect(await deliveries("milestone.completed")).toEqual([]);
    expect(await tick("complete")).toMatchObject({ ok: true, data: { status: "done" } });
    expect(await tick("reopen")).toMatchObject({ ok: true });
    const rows = await deliveries("milestone.completed");
    expect(rows.map((row) => row.payload)).toEqual([
      {
        type: "milestone.completed",
        timestamp: ISO,
        data: {
          cohort: { id: w.x.id, name: w.x.name },
          learner: { id: w.learnerX1.id, name: w.learnerX1.name },
          milestone: { key: selfCheck.key, title: selfCheck.title },
          completedBy: "self_check",
          url: `/cohorts/${w.x.id}/learners/${w.memberships.x1.id}`,
        },
      },
    ]);
    // A first tick that creates the progress row writes its event too.
    expect(await asUser(w.learnerX2, () => tickMilestoneAction({ cohortId: w.x.id, itemKey: selfCheck.key, event: "complete" }))).toMatchObject({ ok: true });
    expect(await deliveries("milestone.completed")).toHaveLength(2);
  });

  it("milestone.completed with submission.created when evidence without review completes a milestone", async () => {
    await hooks();
    const w = await createWorld({ versionId });
    await asUser(w.learnerX1, () => submitEvidenceAction({ cohortId: w.x.id, itemKey: recorded.key, links: [{ url: "https://github.com/x1/b" }], note: "" }));
    expect((await deliveries("submission.created")).map((row) => row.payload)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ submission: expect.objectContaining({ status: "recorded" }) }) }),
    ]);
    expect((await deliveries("milestone.completed")).map((row) => row.payload)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ completedBy: "recorded_evidence", milestone: { key: recorded.key, title: recorded.title } }) }),
    ]);
  });

  it("cohort.member_added when a mentor adds someone, adds them back, or an invite is redeemed", async () => {
    await hooks();
    const w = await createWorld({ versionId });
    const newcomer = await createUser({ name: "Nia Newcomer" });
    expect(await asUser(w.mentorX, () => addCohortMemberAction({ cohortId: w.x.id, email: newcomer.email, role: "learner" }))).toMatchObject({ ok: true });
    const removed = await db.membership.update({ where: { id: w.memberships.x2.id }, data: { removedAt: new Date() } });
    expect(await asUser(w.mentorX, () => restoreCohortMemberAction({ membershipId: removed.id }))).toMatchObject({ ok: true });
    const { token } = await createInvite({ cohortId: w.x.id });
    expect(await acceptInviteAction({ token, name: "Ivo Invited", email: "ivo@example.test", password: "a long enough passphrase" })).toMatchObject({ ok: true });
    const invited = await db.user.findUniqueOrThrow({ where: { email: "ivo@example.test" } });

    const payloads = (await deliveries("cohort.member_added")).map((row) => row.payload);
    const cohort = { id: w.x.id, name: w.x.name };
    const url = `/cohorts/${w.x.id}/members`;
    expect(payloads).toEqual([
      { type: "cohort.member_added", timestamp: ISO, data: { cohort, member: { id: newcomer.id, name: "Nia Newcomer" }, role: "learner", via: "added", url } },
      { type: "cohort.member_added", timestamp: ISO, data: { cohort, member: { id: w.learnerX2.id, name: w.learnerX2.name }, role: "learner", via: "added_back", url } },
      { type: "cohort.member_added", timestamp: ISO, data: { cohort, member: { id: invited.id, name: "Ivo Invited" }, role: "learner", via: "invite", url } },
    ]);
    expect(JSON.stringify(payloads)).not.toMatch(/@example\.test/);
  });

  it("cohort.member_added for each founding mentor when an admin creates a cohort", async () => {
    await hooks();
    const admin = await createUser({ isAdmin: true });
    const mentor = await createUser({ name: "Mo Mentor" });
    const created = await asUser(admin, () =>
      createCohortAction({
        name: "Autumn 2027",
        versionId,
        startDate: "2027-09-06",
        endDate: "",
        weeksPerPhase: "2",
        reviewTargetHours: "",
        timezone: "Europe/Berlin",
        mentorEmails: [mentor.email],
      }),
    );
    if (!created.ok) throw new Error(created.error);
    expect((await deliveries("cohort.member_added")).map((row) => row.payload)).toEqual([
      {
        type: "cohort.member_added",
        timestamp: ISO,
        data: {
          cohort: { id: created.data.id, name: "Autumn 2027" },
          member: { id: mentor.id, name: "Mo Mentor" },
          role: "mentor",
          via: "cohort_created",
          url: `/cohorts/${created.data.id}/members`,
        },
      },
    ]);
  });

  it("roadmap.version_published when an admin publishes a draft", async () => {
    await hooks();
    const admin = await createUser({ isAdmin: true });
    const draft = await asUser(admin, () => createDraftAction({ roadmapId }));
    if (!draft.ok) throw new Error(draft.error);
    const version = await db.roadmapVersion.findFirstOrThrow({ where: { roadmapId, number: draft.data.number } });
    expect(await asUser(admin, () => publishVersionAction({ versionId: version.id, releaseNote: "Fresher links." }))).toMatchObject({ ok: true });
    const [published] = await deliveries("roadmap.version_published");
    expect(published!.payload).toEqual({
      type: "roadmap.version_published",
      timestamp: ISO,
      data: {
        roadmap: { id: roadmapId, name: expect.any(String) },
        version: { id: version.id, number: draft.data.number, releaseNote: "Fresher links.", changeSummary: expect.any(Object) },
        url: `/admin/roadmaps/${roadmapId}/versions/${draft.data.number}`,
      },
    });
  });

  it("learner.at_risk through emitWebhookEvent, only to hooks limited to that cohort or to none", async () => {
    await hooks();
    const elsewhere = await createCohort({ versionId, name: "Elsewhere" });
    const w = await createWorld({ versionId });
    const mine = await createWebhook({ url: "https://hooks.example.test/x", events: ["learner.at_risk"], cohortId: w.x.id });
    const other = await createWebhook({ url: "https://hooks.example.test/elsewhere", events: ["learner.at_risk"], cohortId: elsewhere.id });
    const written = await db.$transaction((tx) =>
      emitWebhookEvent(tx, "learner.at_risk", { cohort: { id: w.x.id, name: w.x.name }, learner: { id: w.learnerX1.id, name: w.learnerX1.name } }),
    );
    expect(written).toBe(2);
    const rows = await deliveries("learner.at_risk");
    expect(rows.map((row) => row.webhookId)).toContain(mine.id);
    expect(rows.map((row) => row.webhookId)).not.toContain(other.id);
  });
});
