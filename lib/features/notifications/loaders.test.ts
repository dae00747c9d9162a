import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { loadNotificationBell, loadNotificationPreferences, loadNotificationsPage } from "@/lib/features/notifications/loaders";
import type { NotificationItem } from "@/lib/features/notifications/types";
import { createUser } from "@/prisma/factories/users";

type User = Awaited<ReturnType<typeof createUser>>;
const viewerOf = (user: User) => ({ id: user.id, email: user.email, name: user.name, isAdmin: false });

const BASE = Date.UTC(2026, 2, 1, 12, 0, 0);

/** `count` notifications one minute apart (index 0 oldest); every third one already read. */
async function insert(userId: string, count: number, { sameInstant = false } = {}) {
  await db.notification.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      userId,
      type: "comment" as const,
      title: `Comment ${i}`,
      href: `/roadmap/m-${i}`,
      createdAt: new Date(sameInstant ? BASE : BASE + i * 60_000),
      readAt: i % 3 === 0 ? new Date(BASE + i * 60_000 + 1) : null,
    })),
  });
}

async function allPages(viewer: ReturnType<typeof viewerOf>) {
  const pages: NotificationItem[][] = [];
  let before: string | undefined;
  do {
    const page = await loadNotificationsPage(viewer, before);
    pages.push(page.items);
    before = page.nextCursor ?? undefined;
  } while (before);
  return pages;
}

let learner: User;
let other: User;
beforeEach(async () => {
  learner = await createUser();
  other = await createUser();
});

describe("the bell", () => {
  it("shows the viewer's unread count and latest 20, newest first, never another person's", async () => {
    await insert(learner.id, 30);
    await insert(other.id, 5);
    const bell = await loadNotificationBell(viewerOf(learner));
    expect(bell.unread).toBe(20); // 30 minus the 10 with i % 3 === 0
    expect(bell.latest).toHaveLength(20);
    expect(bell.latest[0]).toMatchObject({ title: "Comment 29", unread: true, href: "/roadmap/m-29" });
    expect(bell.latest[2]).toMatchObject({ title: "Comment 27", unread: false });
    expect(bell.latest.map((item) => item.title)).not.toContain("Comment 5 of other");
    const others = await db.notification.findMany({ where: { userId: other.id }, select: { id: true } });
    expect(bell.latest.map((item) => item.id)).not.toEqual(expect.arrayContaining([others[0]!.id]));
  });

  it("is empty for someone with no notifications", async () => {
    expect(await loadNotificationBell(viewerOf(learner))).toEqual({ unread: 0, latest: [] });
  });

  it("costs one SQL statement for 1 and for 200 notifications (it is on every page)", async () => {
    await insert(learner.id, 1);
    await insert(other.id, 200);
    const one = await countQueries(() => loadNotificationBell(viewerOf(learner)));
    const many = await countQueries(() => loadNotificationBell(viewerOf(other)));
    expect(one.result.latest).toHaveLength(1);
    expect(many.result.latest).toHaveLength(20);
    expect(many.count).toBe(one.count);
    expect(one.count).toBe(1);
  });

  it("never hands out an off-site link, even for a row written around notify()", async () => {
    await db.notification.create({ data: { userId: learner.id, type: "invite", title: "Sneaky", href: "//evil.example" } });
    const bell = await loadNotificationBell(viewerOf(learner));
    expect(bell.latest[0]!.href).toBe("/notifications");
  });
});

describe("the notifications page", () => {
  it("pages through 120 notifications 50 at a time, newest first, without gaps or repeats", async () => {
    await insert(learner.id, 120);
    await insert(other.id, 10);
    const pages = await allPages(viewerOf(learner));
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    const titles = pages.flat().map((item) => item.title);
    expect(titles).toEqual(Array.from({ length: 120 }, (_, i) => `Comment ${119 - i}`));
  });

  it("keeps a stable order for rows created in the same millisecond (one transaction)", async () => {
    await insert(learner.id, 120, { sameInstant: true });
    const ids = (await allPages(viewerOf(learner))).flat().map((item) => item.id);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
  });

  it("does not shift when a new notification arrives between pages", async () => {
    await insert(learner.id, 60);
    const first = await loadNotificationsPage(viewerOf(learner));
    await db.notification.create({ data: { userId: learner.id, type: "decision", title: "Brand new", href: "/roadmap" } });
    const second = await loadNotificationsPage(viewerOf(learner), first.nextCursor!);
    expect(second.items.map((item) => item.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Comment ${9 - i}`));
    expect(second.nextCursor).toBeNull();
    expect(second.isFirstPage).toBe(false);
    expect(second.unread).toBe(41);
  });

  it("costs the same number of statements on every page and at any size", async () => {
    await insert(learner.id, 3);
    await insert(other.id, 200);
    const small = await countQueries(() => loadNotificationsPage(viewerOf(learner)));
    const large = await countQueries(() => loadNotificationsPage(viewerOf(other)));
    const later = await countQueries(() => loadNotificationsPage(viewerOf(other), large.result.nextCursor!));
    expect(new Set([small.count, large.count, later.count]).size).toBe(1);
    expect(small.count).toBeLessThanOrEqual(2);
  });

  it.each(["nonsense", "123", "1.not-a-uuid", "99999999999999999.00000000-0000-0000-0000-000000000000", ""])(
    "answers a malformed cursor %j like a missing page",
    async (before) => {
      await expect(loadNotificationsPage(viewerOf(learner), before)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    },
  );
});

describe("Settings → Notifications lists the types that can reach the person", () => {
  const choices = async (viewer: Parameters<typeof loadNotificationPreferences>[0]) => (await loadNotificationPreferences(viewer)).map((row) => row.type);
  const roles = (learner: number, mentor: number) => ({
    learnerCohortIds: Array.from({ length: learner }, () => "c"),
    mentorCohortIds: Array.from({ length: mentor }, () => "c"),
  });

  it("gives a learner the learner's and everyone's types, with their words, and no reviewer or admin ones", async () => {
    const rows = await loadNotificationPreferences({ ...viewerOf(learner), roles: roles(1, 0) });
    expect(rows.find((row) => row.type === "nudge")).toEqual({
      type: "nudge",
      inApp: true,
      email: true,
      label: "Nudge",
      hint: "A friendly reminder after a quiet week or two on your roadmap.",
    });
    const types = rows.map((row) => row.type);
    expect(types).toEqual(expect.arrayContaining(["decision", "comment", "checkin_reminder", "link_broken"]));
    expect(types).not.toEqual(expect.arrayContaining(["submission"]));
    expect(types.filter((type) => ["submission", "review_reminder", "at_risk_digest", "webhook_disabled"].includes(type))).toEqual([]);
  });

  it("gives a mentor the reviewer's types and an admin the admin's too", async () => {
    const mentorTypes = await choices({ ...viewerOf(learner), roles: roles(0, 1) });
    expect(mentorTypes).toEqual(expect.arrayContaining(["submission", "review_reminder", "at_risk_digest", "learner_stalled"]));
    expect(mentorTypes).not.toContain("nudge");
    expect(mentorTypes).not.toContain("webhook_disabled");
    const adminTypes = await choices({ ...viewerOf(learner), isAdmin: true, roles: roles(0, 0) });
    expect(adminTypes).toEqual(expect.arrayContaining(["submission", "webhook_disabled"]));
  });
});
