import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  markAllNotificationsReadAction,
  markNotificationsReadAction,
  saveNotificationPreferencesAction,
} from "@/lib/features/notifications/actions";
import { TYPE_LABELS } from "@/lib/features/notifications/constants";
import { getUnreadCount } from "@/lib/features/notifications/data";
import { loadNotificationBell, loadNotificationsPage } from "@/lib/features/notifications/loaders";
import {
  markAllNotificationsRead,
  markAllRead,
  markNotificationsRead,
  markRead,
  notificationInsert,
  notificationsInsertFor,
  notify,
  notifyMany,
} from "@/lib/features/notifications/mutations";
import { notificationDetails } from "@/lib/features/notifications/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;
const viewerOf = (user: User) => ({ id: user.id, email: user.email, name: user.name, isAdmin: false });

async function seed(userId: string, count: number) {
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      ids.push((await notify(tx, { userId, type: "decision", title: `Decision ${i}`, href: `/roadmap/m-${i}` }))!.id);
    }
    return ids;
  });
}

let learner: User;
let other: User;
// Rows of this test's two people only: the database is shared by the tests of a file.
const countOurs = () => db.notification.count({ where: { userId: { in: [learner.id, other.id] } } });
beforeEach(async () => {
  learner = await createUser();
  other = await createUser();
});

describe("notify", () => {
  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { userId: learner.id, type: "comment", title: "New comment", href: "/roadmap/x" });
        throw new Error("the review failed");
      }),
    ).rejects.toThrow("the review failed");
    expect(await db.notification.count({ where: { userId: learner.id } })).toBe(0);
  });

  it("takes the caller's other writes down with it when its input is invalid", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { userId: other.id, type: "submission", title: "Submitted", href: "/reviews/1" });
        await notify(tx, { userId: learner.id, type: "decision", title: "Approved", href: "//evil.example/phish" });
      }),
    ).rejects.toThrow(/href/);
    expect(await countOurs()).toBe(0);
  });

  it("commits with the transaction and starts unread", async () => {
    const { id } = (await db.$transaction((tx) =>
      notify(tx, { userId: learner.id, type: "decision", title: "  Approved: Docker basics ", href: "/roadmap/docker?tab=1#a" }),
    ))!;
    const row = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ userId: learner.id, title: "Approved: Docker basics", href: "/roadmap/docker?tab=1#a", readAt: null });
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "roadmap",
    "",
    " /roadmap",
    `/${"a".repeat(2048)}`,
  ])("refuses the href %j", async (href) => {
    await expect(
      db.$transaction((tx) => notify(tx, { userId: learner.id, type: "comment", title: "Hi", href })),
    ).rejects.toThrow(/Invalid notification: href/);
    expect(await countOurs()).toBe(0);
  });

  it("refuses an empty title and shortens a very long one instead of failing the caller", async () => {
    await expect(
      db.$transaction((tx) => notify(tx, { userId: learner.id, type: "comment", title: "   ", href: "/x" })),
    ).rejects.toThrow(/title/);
    const { id } = (await db.$transaction((tx) =>
      notify(tx, { userId: learner.id, type: "comment", title: "x".repeat(1000), href: "/x" }),
    ))!;
    const { title } = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(title).toHaveLength(300);
    expect(title.endsWith("…")).toBe(true);
  });

  it("notifyMany writes every row in one statement, or none when one is invalid", async () => {
    const rows = [learner, other].map((user) => ({ userId: user.id, type: "submission" as const, title: "Waiting for review", href: "/reviews" }));
    expect(await db.$transaction((tx) => notifyMany(tx, rows))).toBe(2);
    expect(await db.$transaction((tx) => notifyMany(tx, []))).toBe(0);
    await expect(
      db.$transaction((tx) => notifyMany(tx, [...rows, { ...rows[0]!, href: "https://evil.example" }])),
    ).rejects.toThrow(/href/);
    expect(await countOurs()).toBe(2);
  });
});

describe("a notification's details", () => {
  const details = [
    { text: "Ada — At risk: No activity for 15 days", href: "/cohorts/c/learners/a" },
    { text: "Bo — Watch: Weekly rule missed the last 2 weeks", href: "/cohorts/c/learners/b" },
  ];

  it("are stored with it, shown on the list page and not carried by the bell", async () => {
    await db.$transaction((tx) => notify(tx, { userId: learner.id, type: "at_risk_digest", title: "This week in C: 1 at risk, 1 to watch", href: "/cohorts/c", details }));
    const viewer = viewerOf(learner);
    const [listed] = (await loadNotificationsPage(viewer)).items;
    expect(listed).toMatchObject({ title: "This week in C: 1 at risk, 1 to watch", details });
    const [inBell] = (await loadNotificationBell(viewer)).latest;
    expect(inBell).not.toHaveProperty("details");
  });

  it("refuse a line whose link leaves the site, and write nothing", async () => {
    await expect(
      db.$transaction((tx) => notify(tx, { userId: learner.id, type: "at_risk_digest", title: "Digest", href: "/cohorts/c", details: [{ text: "Ada", href: "https://evil.example" }] })),
    ).rejects.toThrow(/details\.0\.href/);
    expect(await countOurs()).toBe(0);
  });

  it("keep only well-formed lines with on-site links when read back", () => {
    expect(notificationDetails(null)).toEqual([]);
    expect(notificationDetails({ text: "not a list" })).toEqual([]);
    expect(notificationDetails([...details, { text: "x", href: "//evil.example" }, { text: 3, href: "/x" }, null])).toEqual(details);
  });
});

describe("marking read", () => {
  it("changes only the owner's rows and counts only those (docs/security.md #2)", async () => {
    const mine = await seed(learner.id, 3);
    const theirs = await seed(other.id, 2);
    expect(await markRead(learner.id, theirs)).toBe(0);
    expect(await db.notification.count({ where: { id: { in: theirs }, readAt: null } })).toBe(2);

    expect(await markRead(learner.id, [mine[0]!, ...theirs])).toBe(1);
    expect(await getUnreadCount(learner.id)).toBe(2);
    expect(await getUnreadCount(other.id)).toBe(2);
  });

  it("keeps the first read time and does not count an already read row again", async () => {
    const [id] = await seed(learner.id, 1);
    expect(await markRead(learner.id, [id!])).toBe(1);
    const first = await db.notification.findUniqueOrThrow({ where: { id: id! } });
    expect(await markRead(learner.id, [id!])).toBe(0);
    const second = await db.notification.findUniqueOrThrow({ where: { id: id! } });
    expect(second.readAt).toEqual(first.readAt);
  });

  it("markAllRead leaves other people's notifications unread", async () => {
    await seed(learner.id, 4);
    await seed(other.id, 3);
    expect(await markAllRead(learner.id)).toBe(4);
    expect(await getUnreadCount(learner.id)).toBe(0);
    expect(await getUnreadCount(other.id)).toBe(3);
  });
});

describe("the mark-read server actions", () => {
  it("act for the person of the session only: their own rows marked, someone else's ids ignored", async () => {
    const mine = await seed(learner.id, 2);
    const theirs = await seed(other.id, 2);
    const marked = await asUser(learner, () => markNotificationsReadAction({ ids: [mine[0]!, theirs[0]!] }));
    expect(marked).toEqual({ ok: true, data: { marked: 1, unread: 1 } });
    expect(await asUser(learner, () => markAllNotificationsReadAction())).toEqual({ ok: true, data: { marked: 1, unread: 0 } });
    expect(await getUnreadCount(other.id)).toBe(2);
  });
});

describe("the mark-read actions (viewer halves)", () => {
  it("answer how many of the viewer's own were marked and the unread count now", async () => {
    const mine = await seed(learner.id, 3);
    expect(await markNotificationsRead(viewerOf(learner), { ids: [mine[0]!, mine[1]!] })).toEqual({
      ok: true,
      data: { marked: 2, unread: 1 },
    });
    expect(await markAllNotificationsRead(viewerOf(learner))).toEqual({ ok: true, data: { marked: 1, unread: 0 } });
  });

  it("treat another person's ids like unknown ones: 0 marked, their rows unchanged, nothing about them revealed", async () => {
    await seed(learner.id, 1);
    const theirs = await seed(other.id, 2);
    const forOthers = await markNotificationsRead(viewerOf(learner), { ids: theirs });
    const forRandom = await markNotificationsRead(viewerOf(learner), { ids: [randomUUID(), randomUUID()] });
    expect(forOthers).toEqual({ ok: true, data: { marked: 0, unread: 1 } });
    expect(forOthers).toEqual(forRandom);
    expect(await db.notification.count({ where: { userId: other.id, readAt: null } })).toBe(2);
  });

  it.each([
    ["an extra userId", (id: string) => ({ ids: [id], userId: randomUUID() })],
    ["an extra readAt", (id: string) => ({ ids: [id], readAt: new Date().toISOString() })],
    ["no ids", () => ({ ids: [] })],
    ["101 ids", () => ({ ids: Array.from({ length: 101 }, () => randomUUID()) })],
    ["an id that is not a uuid", () => ({ ids: ["1 OR 1=1"] })],
    ["ids as a string", (id: string) => ({ ids: id })],
    ["nothing at all", () => undefined],
  ])("reject %s (docs/security.md #7) and change nothing", async (_name, build) => {
    const [id] = await seed(learner.id, 1);
    const result = await markNotificationsRead(viewerOf(learner), build(id!));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await getUnreadCount(learner.id)).toBe(1);
  });

  it("accept the maximum of 100 ids", async () => {
    const ids = await seed(learner.id, 100);
    expect(await markNotificationsRead(viewerOf(learner), { ids })).toEqual({ ok: true, data: { marked: 100, unread: 0 } });
  });
});

describe("notification settings", () => {
  const decisionsOff = { preferences: [{ type: "decision", inApp: false, email: true }] };

  it("saves the signed-in person's own choices and answers every type, defaults included", async () => {
    const saved = await asUser(learner, () => saveNotificationPreferencesAction(decisionsOff));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.data).toHaveLength(Object.keys(TYPE_LABELS).length);
    expect(saved.data.find((row) => row.type === "decision")).toEqual({ type: "decision", inApp: false, email: true });
    expect(saved.data.find((row) => row.type === "comment")).toEqual({ type: "comment", inApp: true, email: true });
    // Saving again overwrites the same row rather than adding one.
    await asUser(learner, () => saveNotificationPreferencesAction({ preferences: [{ type: "decision", inApp: true, email: false }] }));
    expect(await db.notificationPreference.findMany({ where: { userId: learner.id }, select: { type: true, inApp: true, email: true } })).toEqual([
      { type: "decision", inApp: true, email: false },
    ]);
    expect(await db.notificationPreference.count({ where: { userId: other.id } })).toBe(0);
  });

  it.each([
    [{ preferences: [{ type: "decision", inApp: false, email: true, userId: randomUUID() }] }],
    [{ preferences: [{ type: "decision", inApp: false, email: true }], userId: randomUUID() }],
    [{ preferences: [{ type: "gossip", inApp: false, email: true }] }],
    [{ preferences: [{ type: "decision", inApp: "no", email: true }] }],
    [{ preferences: [{ type: "decision", inApp: false, email: true }, { type: "decision", inApp: true, email: true }] }],
  ])("refuses %j and stores nothing", async (input) => {
    const result = await asUser(learner, () => saveNotificationPreferencesAction(input));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.notificationPreference.count({ where: { userId: { in: [learner.id, other.id] } } })).toBe(0);
  });

  it("stops creating a type the person switched off in the app and by e-mail, through every way notifications are written", async () => {
    await asUser(learner, () => saveNotificationPreferencesAction({ preferences: [{ type: "decision", inApp: false, email: false }] }));
    const decision = (user: User) => ({ userId: user.id, type: "decision" as const, title: "Approved", href: "/roadmap/x" });
    await db.$transaction(async (tx) => {
      expect(await notify(tx, decision(learner))).toBeNull();
      expect(await notify(tx, decision(other))).not.toBeNull();
      expect(await notifyMany(tx, [decision(learner), decision(other)])).toBe(1);
      await tx.$executeRaw`WITH n AS (${notificationInsert(decision(learner))}) SELECT 1`;
      const both = Prisma.sql`SELECT id AS user_id FROM users WHERE id IN (${learner.id}::uuid, ${other.id}::uuid)`;
      expect(await tx.$executeRaw(notificationsInsertFor(both, { type: "decision", title: "Approved", href: "/roadmap/x" }))).toBe(1);
      // Other types still reach them.
      expect(await notify(tx, { ...decision(learner), type: "comment" })).not.toBeNull();
    });
    expect(await db.notification.count({ where: { userId: learner.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: other.id, type: "decision" } })).toBe(3);
  });

  it("writes a type wanted by e-mail only out of sight: mailed, never in the bell, the list or the unread count", async () => {
    await asUser(learner, () => saveNotificationPreferencesAction(decisionsOff));
    const decision = { userId: learner.id, type: "decision" as const, title: "Approved", href: "/roadmap/x" };
    await db.$transaction(async (tx) => {
      expect(await notify(tx, decision)).not.toBeNull();
      expect(await notifyMany(tx, [decision])).toBe(1);
      await notify(tx, { ...decision, type: "comment", title: "Mo replied" });
    });
    expect(await db.notification.count({ where: { userId: learner.id, type: "decision", inApp: false, emailedAt: null } })).toBe(2);
    expect(await getUnreadCount(learner.id)).toBe(1);
    const listed = await asUser(learner, () => markAllNotificationsReadAction());
    expect(listed).toMatchObject({ ok: true, data: { marked: 1, unread: 0 } });
  });
});
