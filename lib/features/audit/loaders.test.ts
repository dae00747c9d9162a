// /admin/audit as an admin reads it: real events in a real PostgreSQL, the page's loader with the search
// parameters a browser would send.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadAuditLog } from "@/lib/features/audit/loaders";
import type { AuditLogPage } from "@/lib/features/audit/types";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";

type User = Awaited<ReturnType<typeof createUser>>;
const viewerOf = (user: User) => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin });
const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;

const BASE = Date.UTC(2027, 0, 10, 12, 0, 0);
const MINUTE = 60_000;

let admin: User;
let mentor: User;
let learner: User;
let cohort: { id: string; name: string };
let membershipId: string;
let versionId: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  admin = await createUser({ isAdmin: true, name: "Ada Admin", email: "ada@example.test" });
  mentor = await createUser({ name: "Mo Mentor", email: "mo@example.test" });
  learner = await createUser({ name: "Lea Learner" });
  cohort = await createCohort({ versionId, name: "Spring 2027" });
  membershipId = (await addMember(cohort.id, learner.id, "learner")).id;
});

// The import wrote a roadmap.import row of its own; each test counts only its own rows.
beforeEach(async () => {
  await db.auditEvent.deleteMany();
});

/** `count` events one minute apart (index 0 oldest), cycling through actors and kinds of target. */
async function insertEvents(count: number, { start = BASE, sameInstant = false } = {}) {
  const kinds = [
    () => ({ actorId: admin.id, action: "cohort.update", targetType: "cohort", targetId: cohort.id, cohortId: cohort.id, before: { name: "Old" }, after: { name: "Spring 2027" } }),
    () => ({ actorId: mentor.id, action: "cohort.member_schedule", targetType: "membership", targetId: membershipId, cohortId: cohort.id, before: { extensionDays: 0 }, after: { extensionDays: 7 } }),
    () => ({ actorId: null, action: "user.create_admin", targetType: "user", targetId: admin.id, after: { email: admin.email, isAdmin: true } }),
    () => ({ actorId: admin.id, action: "roadmap.import", targetType: "roadmap_version", targetId: versionId, after: { number: 1 } }),
  ];
  await db.auditEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({ ...kinds[i % kinds.length]!(), createdAt: new Date(sameInstant ? start : start + i * MINUTE) })),
  });
}

const load = (search: Record<string, string | string[] | undefined> = {}) => loadAuditLog(viewerOf(admin), search);

async function allPages(search: Record<string, string> = {}) {
  const pages: AuditLogPage[] = [];
  let before: string | null = null;
  do {
    const page: AuditLogPage = await load(before ? { ...search, before } : search);
    pages.push(page);
    before = page.olderCursor;
  } while (before);
  return pages;
}

describe("who may read the audit log", () => {
  it("shows the 404 page to a mentor, a learner and an admin demoted since the page was linked", async () => {
    await insertEvents(3);
    for (const user of [mentor, learner]) await expect(loadAuditLog(viewerOf(user), {})).rejects.toThrow(NOT_FOUND);
    await expect(loadAuditLog({ ...viewerOf(admin), isAdmin: false }, {})).rejects.toThrow(NOT_FOUND);
  });
});

describe("the table", () => {
  it("lists events newest first with who, what in words, the named target, the cohort and what changed", async () => {
    await insertEvents(4);
    const { rows } = await load();
    expect(rows.map((row) => row.action)).toEqual(["roadmap.import", "user.create_admin", "cohort.member_schedule", "cohort.update"]);
    const [imported, system, schedule, settings] = rows;
    expect(imported).toMatchObject({
      actionLabel: "Imported roadmap",
      actor: { kind: "user", name: "Ada Admin", email: "ada@example.test" },
      target: { typeLabel: "Roadmap version", name: "MLOps Roadmap 2026", detail: "version 1 (published)" },
      cohort: null,
    });
    expect(system).toMatchObject({ actor: { kind: "system" }, actionLabel: "Created admin account", target: { name: "Ada Admin", detail: "ada@example.test" } });
    expect(schedule).toMatchObject({
      actor: { kind: "user", name: "Mo Mentor" },
      target: { typeLabel: "Membership", name: "Lea Learner", detail: "learner in Spring 2027", href: `/cohorts/${cohort.id}/learners/${membershipId}` },
      cohort: { name: "Spring 2027", href: `/cohorts/${cohort.id}` },
      changes: [{ field: "extension days", before: "0", after: "7" }],
    });
    expect(settings).toMatchObject({
      actionLabel: "Changed cohort settings",
      target: { name: "Spring 2027", href: `/cohorts/${cohort.id}` },
      changes: [{ field: "name", before: "Old", after: "Spring 2027" }],
    });
    expect(settings!.absoluteTime).toMatch(/10 Jan 2027, 12:00 UTC/);
  });

  it("says a target no longer resolves instead of failing, and shows an unknown code in words", async () => {
    await db.auditEvent.create({
      data: { actorId: admin.id, action: "roadmap.phase_rename", targetType: "phase", targetId: "not-a-uuid", after: { title: "Serving" } },
    });
    const [row] = (await load()).rows;
    expect(row).toMatchObject({ actionLabel: "Roadmap: phase rename", target: { typeLabel: "Phase", name: null, href: null } });
    expect(row!.changes).toEqual([{ field: "title", before: "—", after: "Serving" }]);
  });

  it("names a person deleted since as a deleted user, not as the system", async () => {
    await db.auditEvent.create({ data: { actorId: null, requestId: "req-1", action: "cohort.update", targetType: "cohort", targetId: cohort.id } });
    expect((await load()).rows[0]!.actor).toEqual({ kind: "deleted" });
  });
});

describe("pages", () => {
  it("walks 120 events in pages of 50 with Older, and back with Newer, never repeating or skipping one", async () => {
    await insertEvents(120, { sameInstant: true });
    const pages = await allPages();
    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
    const ids = pages.flatMap((page) => page.rows.map((row) => row.id));
    expect(new Set(ids).size).toBe(120);
    expect(pages[0]!.newerCursor).toBeNull();
    expect(pages[2]!.olderCursor).toBeNull();
    const back = await load({ after: pages[2]!.newerCursor! });
    expect(back.rows.map((row) => row.id)).toEqual(pages[1]!.rows.map((row) => row.id));
    const first = await load({ after: back.newerCursor! });
    expect(first.rows.map((row) => row.id)).toEqual(pages[0]!.rows.map((row) => row.id));
    expect(first.newerCursor).toBeNull();
  });

  it("keeps the filters while paging", async () => {
    await insertEvents(240);
    const pages = await allPages({ actor: mentor.id });
    expect(pages.map((page) => page.rows.length)).toEqual([50, 10]);
    expect(pages.flatMap((page) => page.rows).every((row) => row.actor.kind === "user" && row.actor.name === "Mo Mentor")).toBe(true);
  });
});

describe("filters", () => {
  it("filters by person, by System, by exact action and by a whole group", async () => {
    await insertEvents(8);
    expect((await load({ actor: admin.id })).rows.map((row) => row.action)).toEqual(["roadmap.import", "cohort.update", "roadmap.import", "cohort.update"]);
    expect((await load({ actor: "system" })).rows.map((row) => row.action)).toEqual(["user.create_admin", "user.create_admin"]);
    expect((await load({ type: "cohort.update" })).rows).toHaveLength(2);
    expect((await load({ type: "cohort.*" })).rows.map((row) => row.action)).toEqual([
      "cohort.member_schedule",
      "cohort.update",
      "cohort.member_schedule",
      "cohort.update",
    ]);
    expect((await load({ type: "user.*", actor: admin.id })).rows).toEqual([]);
    expect((await load({ type: "webhook.*" })).rows).toEqual([]);
  });

  it("offers only people and actions that appear in the log, System first", async () => {
    await insertEvents(4);
    const page = await load();
    expect(page.actorOptions).toEqual([
      { value: "system", label: "System" },
      { value: admin.id, label: "Ada Admin (ada@example.test)" },
      { value: mentor.id, label: "Mo Mentor (mo@example.test)" },
    ]);
    expect(page.typeGroups).toEqual([
      { value: "user.*", label: "Account changes", actions: [{ value: "user.create_admin", label: "Created admin account" }] },
      {
        value: "cohort.*",
        label: "Cohort changes",
        actions: [
          { value: "cohort.update", label: "Changed cohort settings" },
          { value: "cohort.member_schedule", label: "Changed learner's start date or extension" },
        ],
      },
      { value: "roadmap.*", label: "Roadmap changes", actions: [{ value: "roadmap.import", label: "Imported roadmap" }] },
    ]);
  });

  it("counts From and To as whole UTC days, both included", async () => {
    await db.auditEvent.createMany({
      data: ["2027-01-09T23:59:59.999Z", "2027-01-10T00:00:00.000Z", "2027-01-11T23:59:59.999Z", "2027-01-12T00:00:00.000Z"].map((at) => ({
        actorId: admin.id,
        action: "cohort.update",
        targetType: "cohort",
        targetId: cohort.id,
        createdAt: new Date(at),
      })),
    });
    const page = await load({ from: "2027-01-10", to: "2027-01-11" });
    expect(page.rows.map((row) => row.createdAt)).toEqual(["2027-01-11T23:59:59.999Z", "2027-01-10T00:00:00.000Z"]);
    expect((await load({ from: "2027-01-12" })).rows).toHaveLength(1);
    expect((await load({ to: "2027-01-09" })).rows).toHaveLength(1);
  });

  it("ignores values it does not recognise with a note, and still shows the log", async () => {
    await insertEvents(3);
    const page = await load({ actor: "'; drop table users", type: "<script>", from: "2027-02-30", to: "yesterday", before: "garbage" });
    expect(page.rows).toHaveLength(3);
    expect(page.filters).toEqual({});
    expect(page.notes).toEqual([
      "The “Person” filter in the link was not recognised, so it is ignored.",
      "The “Type” filter in the link was not recognised, so it is ignored.",
      "The “From” date in the link is not a date, so it is ignored.",
      "The “To” date in the link is not a date, so it is ignored.",
      "The page link was out of date, so the newest events are shown.",
    ]);
    const reversed = await load({ from: "2027-03-01", to: "2027-01-01", actor: ["a", "b"] });
    expect(reversed.rows).toHaveLength(3);
    expect(reversed.notes).toContain("The “From” date is after the “To” date, so both dates are ignored.");
    expect(reversed.notes).toContain("The “Person” filter in the link was not recognised, so it is ignored.");
  });

  it("keeps valid filters next to an ignored one", async () => {
    await insertEvents(4);
    const page = await load({ actor: mentor.id, type: "nope!" });
    expect(page.filters).toEqual({ actor: mentor.id });
    expect(page.rows.map((row) => row.action)).toEqual(["cohort.member_schedule"]);
  });
});

describe("cost", () => {
  it("issues the same number of statements for 5 and 300 events, with and without filters", async () => {
    await insertEvents(5);
    const small = await countQueries(() => load());
    const smallFiltered = await countQueries(() => load({ actor: admin.id, type: "cohort.*", from: "2027-01-01", to: "2027-12-31" }));
    await insertEvents(295, { start: BASE + 10 * MINUTE });
    const large = await countQueries(() => load());
    const largeFiltered = await countQueries(() => load({ actor: admin.id, type: "cohort.*", from: "2027-01-01", to: "2027-12-31" }));
    const olderPage = await countQueries(() => load({ before: large.result.olderCursor! }));
    expect(small.result.rows).toHaveLength(5);
    expect(large.result.rows).toHaveLength(50);
    expect(largeFiltered.result.rows.length).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
    expect(largeFiltered.count).toBe(smallFiltered.count);
    expect(olderPage.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(4);
    const absentGroup = await countQueries(() => load({ type: "webhook.*" }));
    expect(absentGroup.result.rows).toEqual([]);
    expect(absentGroup.count).toBe(small.count);
  });

  it("can read every shape of the page's queries through an index, never only by scanning the table", async () => {
    await insertEvents(300);
    const at = new Date(BASE + 100 * MINUTE);
    const shapes = {
      newest: Prisma.sql`SELECT id FROM audit_events ORDER BY created_at DESC, id DESC LIMIT 51`,
      older: Prisma.sql`SELECT id FROM audit_events WHERE created_at < ${at} OR (created_at = ${at} AND id < ${admin.id}::uuid)
        ORDER BY created_at DESC, id DESC LIMIT 51`,
      person: Prisma.sql`SELECT id FROM audit_events WHERE actor_id = ${admin.id}::uuid ORDER BY created_at DESC, id DESC LIMIT 51`,
      system: Prisma.sql`SELECT id FROM audit_events WHERE actor_id IS NULL ORDER BY created_at DESC, id DESC LIMIT 51`,
      action: Prisma.sql`SELECT id FROM audit_events WHERE action = 'cohort.update' ORDER BY created_at DESC, id DESC LIMIT 51`,
      group: Prisma.sql`SELECT id FROM audit_events WHERE action IN ('cohort.update', 'cohort.member_schedule')
        ORDER BY created_at DESC, id DESC LIMIT 51`,
      dates: Prisma.sql`SELECT id FROM audit_events WHERE created_at >= ${at} AND created_at < ${new Date(BASE + 200 * MINUTE)}
        ORDER BY created_at DESC, id DESC LIMIT 51`,
      nextActor: Prisma.sql`SELECT actor_id FROM audit_events WHERE actor_id > ${admin.id}::uuid ORDER BY actor_id LIMIT 1`,
      nextAction: Prisma.sql`SELECT action FROM audit_events WHERE action > 'cohort' ORDER BY action LIMIT 1`,
    };
    for (const [shape, sql] of Object.entries(shapes)) {
      const plan = await db.$transaction(async (tx) => {
        // With sequential scans priced out, the planner still picks one when no index can serve the query.
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${sql}`;
      });
      const text = plan.map((line) => line["QUERY PLAN"]).join("\n");
      expect(text, shape).not.toMatch(/Seq Scan on audit_events/);
      expect(text, shape).toMatch(/Index/);
    }
  });
});
