import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getNotificationSummary } from "@/lib/features/notifications/data";
import { notify } from "@/lib/features/notifications/mutations";
import { MAX_ATTEMPTS } from "@/lib/features/mail/constants";
import { mailFlushJob } from "@/lib/features/mail/jobs";
import { composeNotificationMails, deliverMails, unsubscribe } from "@/lib/features/mail/mutations";
import { isValidUnsubscribe, unsubscribeUrl } from "@/lib/features/mail/utils";
import { sendTestMailAction } from "@/lib/features/mail/actions";
import { POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { NextRequest } from "next/server";
import { asUser } from "@/test/as-viewer";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { createUser } from "@/prisma/factories/users";
import { startSmtpServer, type TestSmtpServer } from "@/test/smtp";

const SECRET = "a-test-secret-that-is-at-least-32-characters-long";
const BASE = "https://cairn.example.org";
const T0 = new Date("2026-12-07T09:00:00Z");
const minutes = (count: number) => new Date(T0.getTime() + count * 60_000);

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("MAIL_FROM", "Cairn <cairn@example.org>");
  vi.stubEnv("NEXTAUTH_URL", BASE);
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("MAIL_BATCH_MINUTES", "15");
  smtp.received.length = 0;
  smtp.refuse = false;
  await db.mail.deleteMany();
  await db.notification.deleteMany();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function tell(userId: string, type: NotificationType, title: string, href = "/roadmap", at = T0) {
  const row = await db.$transaction((tx) => notify(tx, { userId, type, title, href }));
  if (row) await db.notification.update({ where: { id: row.id }, data: { createdAt: at } });
  return row;
}

describe("mail from notifications, through a real SMTP server", () => {
  it("mails a decision to the learner with its link and a one-click unsubscribe, once", async () => {
    const learner = await createUser({ email: "ada@example.test", name: "Ada" });
    await tell(learner.id, "decision", "Changes requested: Ship a model registry", "/roadmap/p2-registry");

    expect(await mailFlushJob.run(T0)).toMatchObject({ composed: 1, sent: 1 });
    expect(await mailFlushJob.run(minutes(1))).toMatchObject({ composed: 0, sent: 0 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(["ada@example.test"]);
    expect(mail!.from).toBe("cairn@example.org");
    expect(mail!.subject).toBe("Changes requested: Ship a model registry");
    expect(mail!.body).toContain("Hi Ada,");
    expect(mail!.body).toContain(`${BASE}/roadmap/p2-registry`);
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const oneClick = /<([^>]+)>/.exec(mail!.headers["list-unsubscribe"] ?? "")?.[1];
    expect(oneClick).toMatch(new RegExp(`^${BASE}/api/unsubscribe\\?u=${learner.id}&k=decision&t=`));
    const token = new URL(oneClick!).searchParams.get("t")!;
    expect(isValidUnsubscribe(SECRET, learner.id, "decision", token)).toBe(true);
    expect(isValidUnsubscribe(SECRET, learner.id, "comment", token)).toBe(false);

    const row = await db.mail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 1, kind: "decision", toAddress: "ada@example.test" });
    expect(row.sentAt).toEqual(T0);
    expect(await db.notification.count({ where: { emailedAt: null } })).toBe(0);
  });

  it("escapes what people typed in the HTML part and keeps it readable in the text part", async () => {
    const learner = await createUser({ name: "<b>Eve</b>" });
    await tell(learner.id, "comment", `Bo wrote about "<img src=x onerror=alert(1)>"`);
    await mailFlushJob.run(T0);
    const row = await db.mail.findFirstOrThrow();
    expect(row.htmlBody).not.toContain("<img");
    expect(row.htmlBody).not.toContain("<b>Eve");
    expect(row.htmlBody).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(row.textBody).toContain(`Bo wrote about "<img src=x onerror=alert(1)>"`);
  });

  it("sends a mentor's new attempts at most once per batch window, the ones in between together", async () => {
    const mentor = await createUser({ email: "mo@example.test", name: "Mo" });
    await tell(mentor.id, "submission", `Ada submitted "Registry" for review`, "/reviews/1");
    await mailFlushJob.run(T0);
    await tell(mentor.id, "submission", `Bo submitted "Serving" for review`, "/reviews/2", minutes(2));
    await tell(mentor.id, "submission", `Cy submitted "Drift" for review`, "/reviews/3", minutes(3));

    expect(await mailFlushJob.run(minutes(5))).toMatchObject({ composed: 0, waiting: 2 });
    expect(smtp.received).toHaveLength(1);

    expect(await mailFlushJob.run(minutes(16))).toMatchObject({ composed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(2);
    const batched = smtp.received[1]!;
    expect(batched.subject).toBe("2 new attempts to review in Cairn");
    expect(batched.body).toContain(`Bo submitted "Serving" for review`);
    expect(batched.body).toContain(`${BASE}/reviews/3`);
    expect(batched.body).toContain(`${BASE}/reviews`);
  });

  it("mails nothing of a type switched off for e-mail, and mails a type wanted by e-mail only without showing it in the bell", async () => {
    const learner = await createUser();
    await db.notificationPreference.createMany({
      data: [
        { userId: learner.id, type: "decision", inApp: true, email: false },
        { userId: learner.id, type: "comment", inApp: false, email: true },
      ],
    });
    await tell(learner.id, "decision", "Approved: Registry");
    await tell(learner.id, "comment", "Mo replied about Registry");

    const summary = await getNotificationSummary(learner.id);
    expect(summary.latest.map((item) => item.title)).toEqual(["Approved: Registry"]);
    expect(summary.unread).toBe(1);

    expect(await mailFlushJob.run(T0)).toMatchObject({ composed: 1, skipped: 1, sent: 1 });
    expect(smtp.received.map((mail) => mail.subject)).toEqual(["Mo replied about Registry"]);
  });

  it("does not mail deactivated people or notifications from before the compose window", async () => {
    const gone = await createUser();
    await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: T0 } });
    const old = await createUser();
    await tell(gone.id, "decision", "Approved: Registry");
    await tell(old.id, "decision", "Approved: Serving", "/roadmap", new Date(T0.getTime() - 3 * 24 * 3600_000));
    expect(await mailFlushJob.run(T0)).toMatchObject({ composed: 0, skipped: 1, sent: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("retries a mail the server refuses with backoff, sends it once the server takes it, and loses nothing", async () => {
    const learner = await createUser();
    await tell(learner.id, "decision", "Approved: Registry");
    smtp.refuse = true;
    expect(await mailFlushJob.run(T0)).toMatchObject({ composed: 1, sent: 0, retrying: 1 });
    let row = await db.mail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.nextAttemptAt).toEqual(minutes(1));
    expect(row.lastError).toMatch(/451/);

    smtp.refuse = false;
    expect(await deliverMails(new Date(T0.getTime() + 30_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliverMails(minutes(1))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    row = await db.mail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries when the server cannot be reached, and marks the mail failed when its retries are spent", async () => {
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
    const learner = await createUser();
    await tell(learner.id, "decision", "Approved: Registry");
    await composeNotificationMails(T0);
    let at = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await deliverMails(at);
      const row = await db.mail.findFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("pending");
        at = row.nextAttemptAt!;
      } else {
        expect(row.status).toBe("failed");
        expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      }
    }
  });

  it("sends each mail once when two instances run the job at the same moment", async () => {
    const people = await Promise.all(Array.from({ length: 6 }, (_, index) => createUser({ email: `p${index}@example.test` })));
    for (const person of people) await tell(person.id, "decision", `Approved: ${person.email}`);
    await Promise.all([mailFlushJob.run(T0), mailFlushJob.run(T0), mailFlushJob.run(T0)]);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(people.map((person) => person.email).sort());
    expect(await db.mail.count()).toBe(6);
  });

  it("without SMTP_URL keeps what it would have sent as unsent and sends nothing", async () => {
    vi.stubEnv("SMTP_URL", "");
    const learner = await createUser();
    await tell(learner.id, "decision", "Approved: Registry");
    expect(await mailFlushJob.run(T0)).toMatchObject({ composed: 1, sent: 0 });
    expect(await db.mail.findFirstOrThrow()).toMatchObject({ status: "unsent", attempts: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("unsubscribing switches e-mail off for that type only and keeps the in-app choice", async () => {
    const learner = await createUser();
    await unsubscribe(learner.id, "decision");
    await unsubscribe(learner.id, "decision");
    expect(await db.notificationPreference.findMany({ where: { userId: learner.id }, select: { type: true, inApp: true, email: true } })).toEqual([
      { type: "decision", inApp: true, email: false },
    ]);
    await tell(learner.id, "decision", "Approved: Registry");
    await tell(learner.id, "comment", "Mo replied");
    await mailFlushJob.run(T0);
    expect(smtp.received.map((mail) => mail.subject)).toEqual(["Mo replied"]);
  });
});

describe("unsubscribe links", () => {
  const oneClick = (pageUrl: string, body = "List-Unsubscribe=One-Click") =>
    unsubscribePost(
      new NextRequest(pageUrl.replace("/unsubscribe?", "/api/unsubscribe?"), {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );

  it("switches off one kind of e-mail for the person the signed link names, by one POST without signing in", async () => {
    const learner = await createUser();
    const response = await oneClick(unsubscribeUrl(BASE, SECRET, learner.id, "decision"));
    expect(response.status).toBe(200);
    expect(await db.notificationPreference.findFirst({ where: { userId: learner.id }, select: { type: true, inApp: true, email: true } })).toEqual({
      type: "decision",
      inApp: true,
      email: false,
    });
  });

  it("sends the page's form back to the page with the outcome", async () => {
    const learner = await createUser();
    const response = await oneClick(unsubscribeUrl(BASE, SECRET, learner.id, "comment"), "from=page");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/unsubscribe?done=comment");
  });

  it("refuses a link whose signature does not fit the person or the kind, and changes nothing (docs/security.md #52)", async () => {
    const learner = await createUser();
    const other = await createUser();
    const forOther = new URL(unsubscribeUrl(BASE, SECRET, other.id, "decision"));
    const swapped = unsubscribeUrl(BASE, SECRET, learner.id, "decision").replace(/t=[^&]+/, `t=${forOther.searchParams.get("t")}`);
    const otherKind = unsubscribeUrl(BASE, SECRET, learner.id, "decision").replace("k=decision", "k=comment");
    const otherSecret = unsubscribeUrl(BASE, "another-secret-of-at-least-32-characters!!", learner.id, "decision");
    for (const url of [swapped, otherKind, otherSecret, `${BASE}/unsubscribe?u=${learner.id}&k=decision&t=x`]) {
      expect((await oneClick(url)).status).toBe(400);
    }
    expect((await oneClick(otherKind, "from=page")).headers.get("location")).toBe("/unsubscribe?invalid=1");
    expect(await db.notificationPreference.count({ where: { userId: { in: [learner.id, other.id] } } })).toBe(0);
  });
});

describe("Admin → Outbox → Send a test e-mail", () => {
  it("sends one mail to the signed-in admin's own address", async () => {
    const admin = await createUser({ email: "root@example.test", name: "Root", isAdmin: true });
    expect(await asUser(admin, () => sendTestMailAction())).toEqual({ ok: true, data: { to: "root@example.test" } });
    await deliverMails(new Date());
    expect(smtp.received.map((mail) => [mail.to[0], mail.subject])).toEqual([["root@example.test", "Test e-mail from Cairn"]]);
    expect(smtp.received[0]!.headers["list-unsubscribe"]).toBeUndefined();
  });

  it("is refused to anyone but an admin, and says mail is off when it is", async () => {
    const mentor = await createUser();
    expect(await asUser(mentor, () => sendTestMailAction())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    vi.stubEnv("SMTP_URL", "");
    const admin = await createUser({ isAdmin: true });
    expect(await asUser(admin, () => sendTestMailAction())).toMatchObject({ ok: false, code: "INVALID_STATE", error: expect.stringMatching(/SMTP_URL/) });
    expect(await db.mail.count()).toBe(0);
  });
});
