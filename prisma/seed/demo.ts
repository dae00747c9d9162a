// Demo mode: three demo roles plus a dozen learners at realistic, varied points of the
// MLOps Roadmap 2026, so every screen has something real to show on first start.
import { dateOfDay } from "@/lib/calendar";
import { weekOf } from "@/lib/calendar-zones";
import { db } from "@/lib/db";
import type { LinkKind } from "@/lib/generated/prisma/enums";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import {
  addComment,
  createCheckin,
  createSubmission,
  decideSubmission,
  setProgress,
} from "@/prisma/factories/progress";
import { seededRandom } from "@/prisma/factories/cohort-progress";
import { importDefaultRoadmap, listMilestonesInOrder } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";

export const DEMO_PASSWORD = "cairn-demo";
export const DEMO_COHORT_NAME = "MLOps Cohort 2027";
const SEEDED_MARKER = "demo_seeded_at";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { email: "mentor@example.com", name: "Morgan Reyes", role: "mentor" },
  { email: "learner@example.com", name: "Lena Park", role: "learner" },
] as const;

/**
 * What sets a demo learner apart from plain steady work, so the at-risk rules (docs/product.md) have something real
 * to flag, each for a different reason, while most of the cohort is on pace:
 * - "behind": works steadily but at under half the cohort's pace (behind pace, At risk);
 * - "quiet": was ahead, then went silent QUIET_DAYS ago (no activity, Watch);
 * - "changes": was asked for changes CHANGES_DAYS ago and has not tried again yet (changes unanswered, Watch);
 * - "slipped": on pace, but left one milestone of the phase before last open (a phase slipped).
 */
type Story = "steady" | "behind" | "quiet" | "changes" | "slipped";

/** Name, pace (1 = exactly on the cohort's pacing) and story of the other demo learners. */
const LEARNERS: [string, number, Story][] = [
  ["Amara Okafor", 1.35, "steady"],
  ["Bruno Costa", 1.1, "steady"],
  ["Chen Wei", 1.0, "steady"],
  ["Dalia Haddad", 0.95, "steady"],
  ["Emil Johansson", 1.05, "slipped"],
  ["Fatima Zahra El Idrissi", 1.2, "steady"],
  ["Gabriel Moreau", 1.25, "quiet"],
  ["Hana Suzuki", 1.0, "steady"],
  ["Isaac Mensah", 1.0, "changes"],
  ["Jonas Becker", 0.45, "behind"],
  ["Kavya Raman", 1.0, "steady"],
  ["Lucía Fernández", 1.05, "steady"],
];
const LENA_PACE = 0.95;
const QUIET_DAYS = 8;
const CHANGES_DAYS = 6;

const DAY = 24 * 3600 * 1000;
const COHORT_AGE_DAYS = 42;

function emailFor(name: string) {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return `${ascii.split(" ").slice(0, 2).join(".")}@example.com`;
}

const EVIDENCE: { url: string; label: string; kind: LinkKind }[] = [
  { url: "https://github.com/example-learner/ml-pipeline", label: "Repository", kind: "github_repo" },
  { url: "https://github.com/example-learner/ml-pipeline/pull/12", label: "Pull request", kind: "github_pull_request" },
  { url: "https://github.com/example-learner/ml-pipeline/actions/runs/912345678", label: "CI run", kind: "github_actions_run" },
  { url: "https://hub.docker.com/r/examplelearner/inference-service", label: "Image", kind: "docker_image" },
  { url: "https://github.com/example-learner/ml-pipeline/commit/4f9c2d1a7b3e", label: "Commit", kind: "github_commit" },
];

export async function seedDemoOnce(): Promise<boolean> {
  const marker = await db.instanceSetting.findUnique({ where: { key: SEEDED_MARKER } });
  if (marker) return false;
  await seedDemo();
  await db.instanceSetting.create({ data: { key: SEEDED_MARKER, value: new Date().toISOString() } });
  return true;
}

async function seedDemo() {
  const now = Date.now();
  const { versionId } = await importDefaultRoadmap();
  const [, mentor, learner] = await Promise.all(
    DEMO_ACCOUNTS.map((account) =>
      createUser({ email: account.email, name: account.name, password: DEMO_PASSWORD, isAdmin: account.role === "admin" }),
    ),
  );
  const others = await Promise.all(
    LEARNERS.map(([name]) => createUser({ email: emailFor(name), name, password: DEMO_PASSWORD })),
  );
  // One learner shares a public portfolio, so /p/amara shows what it looks like.
  await db.user.update({ where: { id: others[0]!.id }, data: { handle: "amara", portfolioPublic: true } });
  const startDate = dateOfDay(weekOf(new Date(now - COHORT_AGE_DAYS * DAY), "UTC"));
  const cohort = await createCohort({ versionId, name: DEMO_COHORT_NAME, startDate, weeksPerPhase: 2 });
  // Everyone joined the week before the cohort started, as they would after an invitation.
  const joinedAt = new Date(startDate.getTime() - 5 * DAY);
  await addMember(cohort.id, mentor!.id, "mentor", joinedAt);

  const items = await listMilestonesInOrder(versionId);
  const projects = await db.portfolioProject.findMany({ where: { versionId }, orderBy: { position: "asc" }, select: { key: true } });
  const phasePositions = [...new Set(items.map((item) => item.phase.position))].sort((x, y) => x - y);
  const phaseCount = phasePositions.length;
  const secondPhase = phasePositions[1];
  const elapsed = (now - startDate.getTime()) / (phaseCount * 2 * 7 * DAY);
  const learners: [typeof learner, number, Story][] = [
    [learner, LENA_PACE, "steady"],
    ...others.map((u, i) => [u, LEARNERS[i]![1], LEARNERS[i]![2]] as [typeof learner, number, Story]),
  ];
  // Nothing is stamped later than a moment ago: a decision "three days after" a recent attempt is still in the past.
  const past = (at: Date) => new Date(Math.min(at.getTime(), now - 3600 * 1000));

  for (const [index, [user, pace, story]] of learners.entries()) {
    const rand = seededRandom(index + 1);
    const membership = await addMember(cohort.id, user!.id, "learner", joinedAt);
    // A quiet learner's story ends QUIET_DAYS ago; everyone else's runs until a day or two ago.
    const until = story === "quiet" ? now - QUIET_DAYS * DAY : now;
    const finished = Math.min(items.length - 1, Math.round(items.length * elapsed * pace * ((until - startDate.getTime()) / (now - startDate.getTime()))));
    const dayOf = (position: number) => new Date(startDate.getTime() + ((position + 0.5) / (finished + 1)) * (until - startDate.getTime()));
    // The slipped learner left one review-required milestone of the second phase open; its target date passed two
    // to three weeks ago, whatever the weekday the demo is seeded on.
    const skipped =
      story === "slipped" ? items.findIndex((item, position) => position < finished && item.reviewRequired && item.phase.position === secondPhase) : -1;

    for (const [position, item] of items.slice(0, finished).entries()) {
      const at = dayOf(position);
      if (position === skipped) {
        await setProgress(membership.id, item.key, "in_progress", at);
        continue;
      }
      if (!item.reviewRequired) {
        await setProgress(membership.id, item.key, "done", at);
        continue;
      }
      const link = EVIDENCE[position % EVIDENCE.length]!;
      if (rand() < 0.3) {
        const first = await createSubmission({ membershipId: membership.id, itemKey: item.key, links: [link], at });
        await decideSubmission({
          submissionId: first.id,
          reviewerId: mentor!.id,
          decision: "request_changes",
          comment: "Good start. Please pin the dataset version in the run so the result can be reproduced.",
          at: past(new Date(at.getTime() + DAY / 2)),
        });
      }
      const attempt = await createSubmission({
        membershipId: membership.id,
        itemKey: item.key,
        links: [link, EVIDENCE[(position + 1) % EVIDENCE.length]!],
        note: "Evidence attached; the README explains how to rerun it.",
        at: past(new Date(at.getTime() + DAY)),
      });
      await decideSubmission({
        submissionId: attempt.id,
        reviewerId: mentor!.id,
        decision: "approve",
        at: past(new Date(at.getTime() + 2 * DAY)),
      });
    }

    // Where each learner stands now: waiting for review, asked for changes, or simply working. A quiet learner
    // stopped with nothing in flight.
    const current = story === "changes" ? items.slice(finished).find((item) => item.reviewRequired) : items[finished];
    if (current && story !== "quiet") {
      const at = new Date(now - (1 + rand() * 2) * DAY);
      const situation = index % 3;
      if (story === "changes") {
        const asked = new Date(now - CHANGES_DAYS * DAY);
        const attempt = await createSubmission({
          membershipId: membership.id,
          itemKey: current.key,
          links: [EVIDENCE[1]!],
          at: new Date(asked.getTime() - DAY),
        });
        await decideSubmission({
          submissionId: attempt.id,
          reviewerId: mentor!.id,
          decision: "request_changes",
          comment: "The pipeline works, but the tests don't cover the failure path yet. Add one and resubmit.",
          at: asked,
        });
      } else if (current.reviewRequired && situation === 0) {
        await createSubmission({
          membershipId: membership.id,
          itemKey: current.key,
          links: [EVIDENCE[0]!, EVIDENCE[2]!],
          note: `Ready for review: ${current.title}.`,
          at,
        });
      } else if (current.reviewRequired && situation === 1) {
        // Asked for changes yesterday or so, and already asking a follow-up question: an ordinary review loop.
        const attempt = await createSubmission({ membershipId: membership.id, itemKey: current.key, links: [EVIDENCE[1]!], at });
        await decideSubmission({
          submissionId: attempt.id,
          reviewerId: mentor!.id,
          decision: "request_changes",
          comment: "The pipeline works, but the tests don't cover the failure path yet. Add one and resubmit.",
          at: past(new Date(at.getTime() + DAY / 2)),
        });
        await addComment({
          membershipId: membership.id,
          itemKey: current.key,
          authorId: user!.id,
          body: "Thanks! Should the failure test mock the storage bucket or use a local folder?",
          at: past(new Date(at.getTime() + DAY)),
        });
      } else {
        await setProgress(membership.id, current.key, "in_progress", at);
      }
    }

    // Learners ahead of pace have their first portfolio project approved and the second one waiting.
    if (pace >= 1.1 && story === "steady") {
      const [first, second] = projects;
      const at = new Date(now - 9 * DAY);
      const attempt = await createSubmission({
        membershipId: membership.id,
        itemKey: first!.key,
        links: [EVIDENCE[0]!, EVIDENCE[4]!],
        note: "Scheduled training with every run tracked; the README shows how to reproduce the best run.",
        at,
      });
      await decideSubmission({ submissionId: attempt.id, reviewerId: mentor!.id, decision: "approve", at: new Date(at.getTime() + DAY) });
      await createSubmission({ membershipId: membership.id, itemKey: second!.key, links: [EVIDENCE[3]!, EVIDENCE[2]!], at: new Date(now - 2 * DAY) });
    }

    // One check-in a finished week, planned on its Monday morning and closed out on its Sunday.
    const weeks = Math.floor(COHORT_AGE_DAYS / 7);
    for (let week = 0; week < weeks; week += 1) {
      const weekStart = new Date(startDate.getTime() + week * 7 * DAY);
      const skip = rand() < 1 - Math.min(pace, 1) * 0.6 && week > 0; // slower learners skip more check-ins
      if (skip || weekStart.getTime() + 6 * DAY > until) continue;
      await createCheckin({
        membershipId: membership.id,
        weekStart,
        plannedKeys: items.slice(week * 2, week * 2 + 2).map((item) => item.key),
        plannedHours: 8 + Math.round(rand() * 6),
        // Most weeks report most of the weekly rule's parts; testing, documenting and reviewing slip first.
        notes: {
          learned: "Worked through the week's reading and took notes.",
          built: "Pushed the week's changes to the project repository.",
          tested: rand() < 0.8 ? "Added a test for the failure path and fixed what it found." : "",
          documented: rand() < 0.6 ? "Updated the README with how to rerun the pipeline." : "",
          reviewed: rand() < 0.5 ? "Removed a flag nobody used and simplified the config." : "",
          reflection: rand() < 0.5 ? "Good week; the weekly rule kept me honest." : "Less time than planned; catching up next week.",
        },
        at: new Date(weekStart.getTime() + 8 * 3600 * 1000),
      });
    }
  }
}

/** Who to sign in as, printed by `npm start` under "Cairn is ready". */
export function demoAccountLines(): string[] {
  return [
    `Demo accounts (password: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((account) => `  ${account.role.padEnd(8)} ${account.email}`),
    `  + ${LEARNERS.length} more learners in "${DEMO_COHORT_NAME}", e.g. ${emailFor(LEARNERS[0]![0])}`,
  ];
}
