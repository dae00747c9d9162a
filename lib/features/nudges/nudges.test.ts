// Nudges and reminders with a fixed clock: each run is the job's own `run(now)` on rows the factories write.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { mailFlushJob } from "@/lib/features/mail/jobs";
import { nudgesJob, remindersJob, runNudges, runReminders } from "@/lib/features/nudges/jobs";
import { nudgeStep } from "@/lib/features/nudges/policy";
import { digestDetails, digestOrder, digestTitle } from "@/lib/features/nudges/utils";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createCheckin, createSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWebhook } from "@/prisma/factories/webhooks";
import { startSmtpServer, type TestSmtpServer } from "@/test/smtp";

// Monday 2 November 2026, 09:00 UTC: the cohorts below start and their learners join then.
const START = new Date("2026-11-02T09:00:00Z");
const at = (days: number, hour = 8) => new Date(Date.UTC(2026, 10, 2 + days, hour));

let versionId: string;
let sequence = 0;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

async function world({ inactivityDays = 7, reviewTargetHours = 72, timezone = "UTC" } = {}) {
  sequence += 1;
  const cohort = await createCohort({ versionId, name: `Nudge Cohort ${sequence}`, startDate: new Date("2026-11-02"), timezone });
  await db.cohort.update({ where: { id: cohort.id }, data: { inactivityDays, reviewTargetHours } });
  const mentor = await createUser({ name: `Mentor ${sequence}` });
  const learner = await createUser({ name: `Learner ${sequence}` });
  await addMember(cohort.id, mentor.id, "mentor", START);
  const membership = await addMember(cohort.id, learner.id, "learner", START);
  return { cohort, mentor, learner, membership };
}

async function told(userId: string, type: NotificationType) {
  return db.notification.findMany({ where: { userId, type }, orderBy: { createdAt: "asc" }, select: { title: true, href: true } });
}

describe("nudges for quiet learners", () => {
  it("steps at one, two and three times the inactivity setting", () => {
    expect([0, 6, 7, 13, 14, 21, 60].map((days) => nudgeStep(days, 7))).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect([2, 3, 6, 9].map((days) => nudgeStep(days, 3))).toEqual([0, 1, 2, 3]);
  });

  it("nudges the learner after 7 quiet days, tells the mentors from 14, each step once, never twice in a week", async () => {
    const { cohort, mentor, learner } = await world();
    await runNudges(at(6));
    expect(await told(learner.id, "nudge")).toEqual([]);

    await runNudges(at(7));
    const [first] = await told(learner.id, "nudge");
    expect(first!.title).toMatch(/^It's been 7 days since your last step in Nudge Cohort \d+\. One small step today: “.+”\.$/);
    expect(first!.href).toMatch(/^\/roadmap\/[a-z0-9-]+$/);
    expect(await told(mentor.id, "learner_stalled")).toEqual([]);

    await runNudges(at(7, 20));
    await runNudges(at(10));
    expect(await told(learner.id, "nudge")).toHaveLength(1);

    await runNudges(at(14));
    expect(await told(learner.id, "nudge")).toHaveLength(2);
    const stalled = await told(mentor.id, "learner_stalled");
    expect(stalled).toHaveLength(1);
    expect(stalled[0]!.title).toBe(`${learner.name} has been quiet for 14 days in ${cohort.name}. A word from you may help.`);
    expect(stalled[0]!.href).toMatch(new RegExp(`^/cohorts/${cohort.id}/learners/[0-9a-f-]+$`));

    await runNudges(at(21));
    await runNudges(at(28));
    await runNudges(at(40));
    expect(await told(learner.id, "nudge")).toHaveLength(3);
    expect(await told(mentor.id, "learner_stalled")).toHaveLength(2);
  });

  it("starts over when the learner comes back, and follows the cohort's inactivity setting", async () => {
    const { learner, membership, mentor } = await world({ inactivityDays: 3 });
    await runNudges(at(3));
    expect(await told(learner.id, "nudge")).toHaveLength(1);
    await runNudges(at(6));
    expect(await told(mentor.id, "learner_stalled")).toHaveLength(1);
    // Back at work on day 8: quiet again from then; the next nudge waits for 3 quiet days and a week since the last.
    await setProgress(membership.id, "git-and-python-packaging", "in_progress", at(8, 12));
    await runNudges(at(10));
    expect(await told(learner.id, "nudge")).toHaveLength(1);
    await runNudges(at(13));
    expect(await told(learner.id, "nudge")).toHaveLength(2);
  });

  it("raises learner.at_risk for webhooks once a week per learner, with the reasons and no e-mail address", async () => {
    const { cohort, learner } = await world();
    const hook = await createWebhook({ url: "https://hooks.example.test/risk", events: ["learner.at_risk"] });
    await runNudges(at(8));
    await runNudges(at(9));
    await runNudges(at(12));
    const deliveries = await db.webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { event: true, payload: true } });
    expect(deliveries).toHaveLength(1);
    const payload = deliveries[0]!.payload as { type: string; data: Record<string, unknown> };
    expect(payload.type).toBe("learner.at_risk");
    expect(payload.data).toMatchObject({
      cohort: { id: cohort.id, name: cohort.name },
      learner: { id: learner.id, name: learner.name },
      risks: expect.arrayContaining([expect.objectContaining({ kind: "inactive", reason: expect.any(String) })]),
    });
    expect(JSON.stringify(payload)).not.toContain(learner.email);
    await runNudges(at(15));
    expect(await db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(2);
  });

  it("sends each nudge as an e-mail too when mail is on", async () => {
    const smtp: TestSmtpServer = await startSmtpServer();
    try {
      vi.stubEnv("SMTP_URL", smtp.url);
      const { learner } = await world();
      await runNudges(at(7));
      await db.mail.deleteMany({ where: { userId: { not: learner.id } } });
      await mailFlushJob.run(new Date());
      expect(smtp.received.filter((mail) => mail.to[0] === learner.email).map((mail) => mail.subject)).toEqual([
        expect.stringMatching(/^It's been 7 days since your last step/),
      ]);
    } finally {
      vi.unstubAllEnvs();
      await smtp.close();
    }
  });
});

describe("reminders", () => {
  it("tells mentors once when an attempt is due soon and once when it is past the review target", async () => {
    const { mentor, learner, membership, cohort } = await world({ reviewTargetHours: 72 });
    const attempt = await createSubmission({ membershipId: membership.id, itemKey: "git-and-python-packaging", links: [{ url: "https://github.com/a/b" }], at: at(20, 0) });
    await runReminders(at(21, 0));
    expect(await told(mentor.id, "review_reminder")).toEqual([]);
    await runReminders(at(22, 6));
    await runReminders(at(22, 7));
    const soon = await told(mentor.id, "review_reminder");
    expect(soon).toEqual([{ title: expect.stringMatching(new RegExp(`^Due for review soon: ${learner.name}'s “.+” in ${cohort.name} \\(target 72 hours\\)$`)), href: `/reviews/${attempt.id}` }]);
    await runReminders(at(23, 1));
    await runReminders(at(23, 2));
    expect((await told(mentor.id, "review_reminder")).map((row) => row.href)).toEqual([`/reviews/${attempt.id}`, `/reviews/${attempt.id}?overdue=1`]);
    expect(await told(learner.id, "review_reminder")).toEqual([]);
  });

  it("reminds learners without this week's check-in on Friday afternoon, in the cohort's zone, once", async () => {
    const { learner, cohort } = await world({ timezone: "America/New_York" });
    const other = await createUser();
    const otherMembership = await addMember(cohort.id, other.id, "learner", START);
    await createCheckin({ membershipId: otherMembership.id, weekStart: new Date("2026-11-09") });
    await runReminders(at(10, 20)); // Thursday 12 November, 15:00 in New York
    await runReminders(at(11, 18)); // Friday 13 November, 13:00 in New York
    expect(await told(learner.id, "checkin_reminder")).toEqual([]);
    await runReminders(at(11, 19)); // Friday, 14:00 in New York
    await runReminders(at(11, 23));
    expect(await told(learner.id, "checkin_reminder")).toEqual([
      { title: "Your check-in for 9–15 Nov 2026 isn't written yet. Two minutes now helps your mentor help you.", href: "/check-ins?week=2026-11-09" },
    ]);
    expect(await told(other.id, "checkin_reminder")).toEqual([]);
  });

  it("sends mentors the Monday digest of learners at risk and why, once a week", async () => {
    const { mentor, learner, cohort, membership } = await world();
    await runReminders(at(14, 7));
    expect(await told(mentor.id, "at_risk_digest")).toEqual([]);
    await runReminders(at(14, 9));
    await runReminders(at(14, 10));
    expect(await told(mentor.id, "at_risk_digest")).toEqual([
      { title: `This week in ${cohort.name}: 1 at risk — ${learner.name}`, href: `/cohorts/${cohort.id}?risk=1&week=2026-11-16` },
    ]);
    const digest = await db.notification.findFirstOrThrow({ where: { userId: mentor.id, type: "at_risk_digest" }, select: { details: true } });
    expect(digest.details).toEqual([
      {
        text: `${learner.name} — At risk: Behind pace: 0 of 5 due milestones done; No activity since starting 14 days ago; Weekly rule missed the last 2 weeks`,
        href: `/cohorts/${cohort.id}/learners/${membership.id}`,
      },
    ]);
  });

  it("mails the digest with each learner's reasons, linked to their page", async () => {
    const smtp: TestSmtpServer = await startSmtpServer();
    try {
      vi.stubEnv("SMTP_URL", smtp.url);
      vi.stubEnv("NEXTAUTH_URL", "https://cairn.example.test");
      const { mentor, learner, cohort, membership } = await world();
      await runReminders(at(14, 9));
      await db.mail.deleteMany({ where: { userId: { not: mentor.id } } });
      await mailFlushJob.run(new Date());
      const [mail] = smtp.received.filter((received) => received.to[0] === mentor.email);
      expect(mail?.subject).toBe(`This week in ${cohort.name}: 1 at risk — ${learner.name}`);
      expect(mail?.body).toContain(`- ${learner.name} — At risk: Behind pace: 0 of 5 due milestones done; No activity since starting 14 days ago; Weekly rule missed the last 2 weeks\r\n  https://cairn.example.test/cohorts/${cohort.id}/learners/${membership.id}`);
      expect(mail?.body).toContain(`<a href="https://cairn.example.test/cohorts/${cohort.id}/learners/${membership.id}"`);
    } finally {
      vi.unstubAllEnvs();
      await smtp.close();
    }
  });

  it("lists At risk before Watch in the digest, each reason of the worst first", () => {
    const flag = (severity: "at_risk" | "watch", reason: string) => ({ kind: "inactive" as const, severity, reason });
    const learners = digestOrder([
      { name: "Zoe", membershipId: "m-zoe", severity: "watch", risks: [flag("watch", "Weekly rule missed the last 2 weeks")] },
      { name: "Bo", membershipId: "m-bo", severity: "at_risk", risks: [flag("watch", "Weekly rule missed"), flag("at_risk", "No activity for 15 days")] },
      { name: "Ada", membershipId: "m-ada", severity: "watch", risks: [flag("watch", "Behind pace: 2 of 4 due milestones done")] },
    ]);
    expect(digestTitle("Cohort 7", learners)).toBe("This week in Cohort 7: 1 at risk, 2 to watch — Bo, Ada, Zoe");
    expect(digestDetails("c-7", learners).map((detail) => detail.text)).toEqual([
      "Bo — At risk: No activity for 15 days; Weekly rule missed",
      "Ada — Watch: Behind pace: 2 of 4 due milestones done",
      "Zoe — Watch: Weekly rule missed the last 2 weeks",
    ]);
    expect(digestDetails("c-7", learners)[0]!.href).toBe("/cohorts/c-7/learners/m-bo");
  });

  it("are registered jobs with their schedules", () => {
    expect([nudgesJob.cron, remindersJob.cron]).toEqual(["0 8 * * *", "5 * * * *"]);
  });
});

afterAll(() => {
  vi.unstubAllEnvs();
});
