// The load run's database checks catch what they are there to catch: a decision acknowledged but not stored, two
// mentors both told they decided, a stored decision nobody was told about, and half-written decisions.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideReviewAction } from "@/lib/features/reviews/actions";
import { seedDemoOnce } from "@/prisma/seed/demo";
import { checkContention, checkTicks, prepareContention, prepareMixed, type ContentionWorld } from "@/scripts/lib/load/fixtures";
import { asUser } from "@/test/as-viewer";

let world: ContentionWorld;

beforeAll(async () => {
  await seedDemoOnce();
  world = await prepareContention({ mentors: 2, submissions: 3 });
  const [first] = world.submissionIds;
  const result = await asUser(world.mentors[0]!, () => decideReviewAction({ submissionId: first, decision: "approve" }));
  expect(result.ok).toBe(true);
}, 120_000);

const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((check) => !check.ok).map((check) => check.name);

describe("checkContention", () => {
  it("passes when exactly the acknowledged decision is stored, with everything it writes", async () => {
    const acknowledged = [{ submissionId: world.submissionIds[0]!, mentorId: world.mentors[0]!.id, decision: "approve" as const }];
    expect(failing(await checkContention(world, acknowledged, 0))).toEqual([]);
  });

  it("catches an acknowledged decision that is not stored, and two mentors told they decided one attempt", async () => {
    const acknowledged = [
      { submissionId: world.submissionIds[0]!, mentorId: world.mentors[0]!.id, decision: "approve" as const },
      { submissionId: world.submissionIds[0]!, mentorId: world.mentors[1]!.id, decision: "approve" as const },
    ];
    expect(failing(await checkContention(world, acknowledged, 0))).toEqual([
      "no two mentors were both told they decided the same attempt",
      "every acknowledged decision is stored as acknowledged",
    ]);
  });

  it("accepts a stored decision nobody was told about only when a response went missing", async () => {
    expect(failing(await checkContention(world, [], 0))).toEqual(["every stored decision was acknowledged"]);
    expect(failing(await checkContention(world, [], 1))).toEqual([]);
  });

  it("catches a decision whose notification is missing", async () => {
    const learner = await db.submission.findUniqueOrThrow({
      where: { id: world.submissionIds[0] },
      select: { progress: { select: { membership: { select: { userId: true } } } } },
    });
    await db.notification.deleteMany({ where: { userId: learner.progress.membership.userId, type: "decision" } });
    const acknowledged = [{ submissionId: world.submissionIds[0]!, mentorId: world.mentors[0]!.id, decision: "approve" as const }];
    expect(failing(await checkContention(world, acknowledged, 0))).toEqual([
      "each decision's statuses, audit event and notification were written once; undecided attempts still wait",
    ]);
  });
});

describe("checkTicks", () => {
  it("matches each milestone row's lock version against the ticks acknowledged for it", async () => {
    const { tickPairs } = await prepareMixed();
    const [pair] = tickPairs;
    const before = new Map([[pair!.id, 3]]);
    expect(checkTicks([pair!], before, new Map([[pair!.id, 5]]), { [pair!.id]: 2 }, 0).ok).toBe(true);
    // One acknowledged tick is missing from the row: a lost write, whatever else happened.
    expect(checkTicks([pair!], before, new Map([[pair!.id, 4]]), { [pair!.id]: 2 }, 5)).toMatchObject({ ok: false });
    // One change more than acknowledged: fine only if a tick's answer never arrived.
    expect(checkTicks([pair!], before, new Map([[pair!.id, 6]]), { [pair!.id]: 2 }, 0).ok).toBe(false);
    expect(checkTicks([pair!], before, new Map([[pair!.id, 6]]), { [pair!.id]: 2 }, 1).ok).toBe(true);
  });
});
