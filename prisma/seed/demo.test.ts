// The demo a first-time visitor signs in to: a believable cohort, not a wall of red. Most learners are on pace, a few
// are flagged for different reasons, and the "Last activity" a mentor reads is each learner's newest event.
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { weekOf } from "@/lib/calendar-zones";
import { db } from "@/lib/db";
import { loadCohortOverview, loadLearnerDetail } from "@/lib/features/cohort-progress/loaders";
import type { CohortOverview } from "@/lib/features/cohort-progress/types";
import { DEMO_ACCOUNTS, DEMO_COHORT_NAME, seedDemoOnce } from "@/prisma/seed/demo";

let mentor: Viewer;
let cohortId: string;
let overview: CohortOverview;

beforeAll(async () => {
  await seedDemoOnce();
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[1].email } });
  mentor = { id: user.id, email: user.email, name: user.name, isAdmin: false };
  cohortId = (await db.cohort.findFirstOrThrow({ where: { name: DEMO_COHORT_NAME } })).id;
  overview = await loadCohortOverview(mentor, cohortId, { q: "", phase: "", sort: "risk", atRisk: false, page: 1 });
}, 120_000);

describe("the demo cohort", () => {
  it("flags a few learners, for different reasons and at both levels, and leaves most on pace", () => {
    const flagged = overview.matrix.rows.filter((row) => row.standing.risks.length > 0);
    const summary = flagged
      .map((row) => `${row.name}: ${row.standing.risks.map((risk) => `${risk.severity} ${risk.reason}`).join("; ")}`)
      .join("\n");
    expect(overview.stats.learners).toBe(13);
    expect(flagged.length, summary).toBeGreaterThanOrEqual(2);
    expect(flagged.length, summary).toBeLessThanOrEqual(4);
    // Each flagged learner's most serious flag tells a different story.
    const leading = new Set(flagged.map((row) => row.standing.risks[0]!.kind));
    expect(leading.size, summary).toBe(flagged.length);
    expect(new Set(flagged.map((row) => row.standing.severity)), summary).toEqual(new Set(["at_risk", "watch"]));
    // "At risk first" puts them at the top, At risk before Watch.
    const order = overview.matrix.rows.map((row) => row.standing.severity);
    expect(order.slice(0, flagged.length).every((severity) => severity !== null)).toBe(true);
    expect(order.indexOf("watch")).toBeGreaterThan(order.lastIndexOf("at_risk"));
    expect([overview.stats.atRisk + overview.stats.watch]).toEqual([flagged.length]);
  });

  it("dates each learner's work across the cohort's weeks, and shows their newest event as their last activity", async () => {
    const now = new Date().toISOString();
    for (const row of overview.matrix.rows) {
      const detail = await loadLearnerDetail(mentor, cohortId, row.membershipId);
      const own = detail.timeline.filter((event) => event.byLearner);
      const newest = own.map((event) => event.at).sort().at(-1) ?? null;
      expect(detail.lastActivityAt, row.name).toBe(newest);
      expect(detail.timeline.every((event) => event.at <= now), row.name).toBe(true);
      // Work happened over the weeks, not in the moment the demo was seeded.
      const weeks = new Set(own.map((event) => weekOf(new Date(event.at), detail.cohort.timezone)));
      expect(weeks.size, row.name).toBeGreaterThanOrEqual(4);
      for (const event of detail.timeline.filter((candidate) => candidate.weekStart !== null)) {
        const week = weekOf(new Date(event.at), detail.cohort.timezone);
        expect(week, `${row.name} ${event.kind}`).toBe(event.weekStart);
      }
    }
  });
});
