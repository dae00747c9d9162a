// docs/security.md #32: a backup of a database full of realistic data restores into an empty database with
// every row identical; a restore that cannot go ahead says why and writes nothing.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup";
import { db } from "@/lib/db";
import { createCheckinComment } from "@/prisma/factories/checkins";
import { createInvite } from "@/prisma/factories/invites";
import { createUser } from "@/prisma/factories/users";
import { DEMO_COHORT_NAME, seedDemoOnce } from "@/prisma/seed/demo";
import { createDatabase, withAdminClient } from "@/test/database";

const POOL = process.env.VITEST_POOL_ID ?? "0";
const TARGET = `cairn_restore_${POOL}`;
const source = () => process.env.DATABASE_URL!;

/** Text COPY has to escape: tabs, newlines, carriage returns, backslashes, a line that is COPY's own end marker. */
const AWKWARD_TEXT = 'tab\there\nsecond line\r\nback\\slash \\N not null\n\\.\nquotes " \' ✓ 🚀 ünïcödé';

let directory: string;
let archive: string;

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function tableNames(connectionString: string) {
  const rows = await query<{ name: string }>(
    connectionString,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

/** Every row of a table in a canonical text form, sorted: equal lists mean equal tables. */
async function rowsOf(connectionString: string, table: string) {
  const rows = await query<{ row: string }>(connectionString, `SELECT t::text AS row FROM public."${table}" t ORDER BY 1`);
  return rows.map((row) => row.row);
}

async function everyTable(connectionString: string) {
  const tables: Record<string, string[]> = {};
  for (const table of await tableNames(connectionString)) tables[table] = await rowsOf(connectionString, table);
  return tables;
}

async function backupTo(file: string, connectionString = source()) {
  return backupDatabase({ connectionString, output: createWriteStream(file) });
}

async function restoreFrom(file: string | Buffer, connectionString: string) {
  const input = typeof file === "string" ? createReadStream(file) : Readable.from([file]);
  return restoreDatabase({ connectionString, input });
}

/** The rows the demo seed leaves out, so that every table takes part, with values COPY must escape. */
async function fillTheRest() {
  const cohort = await db.cohort.findFirstOrThrow({ where: { name: DEMO_COHORT_NAME } });
  const learner = await db.membership.findFirstOrThrow({ where: { cohortId: cohort.id, role: "learner" }, include: { user: true } });
  const mentor = await db.membership.findFirstOrThrow({ where: { cohortId: cohort.id, role: "mentor" } });
  const checkin = await db.checkin.findFirstOrThrow({ where: { membershipId: learner.id } });
  const criterion = await db.successCriterion.findFirstOrThrow();
  const version = await db.roadmapVersion.findFirstOrThrow();
  const outsider = await createUser({ name: AWKWARD_TEXT });

  await db.privateNote.create({ data: { membershipId: learner.id, itemKey: "awkward", body: AWKWARD_TEXT } });
  await db.comment.create({ data: { membershipId: learner.id, itemKey: "awkward", authorId: learner.userId, body: "\\." } });
  await createCheckinComment({ checkinId: checkin.id, authorId: mentor.userId, body: AWKWARD_TEXT });
  await db.criterionAssessment.create({
    data: { membershipId: learner.id, criterionKey: criterion.key, level: "confident", justification: AWKWARD_TEXT, signedOffById: mentor.userId, signedOffAt: new Date() },
  });
  await db.roadmapNote.create({ data: { versionId: version.id, position: 99, title: "Note", body: AWKWARD_TEXT } });
  await db.roadmapVersion.update({ where: { id: version.id }, data: { releaseNote: AWKWARD_TEXT } });
  await db.cohort.update({
    where: { id: cohort.id },
    data: { versionMovedAt: new Date("2027-01-01T00:00:00.456Z"), versionMoveChanges: { added: 2, archived: 0, renamed: 1, edited: 0, moved: 0 } },
  });
  await db.membership.update({ where: { id: learner.id }, data: { versionBannerDismissedAt: new Date("2027-01-02T00:00:00.789Z") } });
  const { invite } = await createInvite({ cohortId: cohort.id, createdById: mentor.userId, maxUses: 5, useCount: 1 });
  await db.inviteRedemption.create({ data: { inviteId: invite.id, userId: outsider.id } });
  await db.passwordResetToken.create({
    data: { userId: outsider.id, tokenHash: "reset-hash", expiresAt: new Date("2027-01-01T00:00:00.123Z"), createdById: mentor.userId },
  });
  await db.apiToken.create({ data: { userId: outsider.id, name: "CI", tokenHash: "api-hash", prefix: "cairn_1234" } });
  await db.ssoIdentity.create({ data: { userId: outsider.id, provider: "oidc", subject: AWKWARD_TEXT, email: "outsider@example.org" } });
  const webhook = await db.webhook.create({
    data: { url: "https://hooks.example.org/cairn", secret: "s3cret", events: ["a,b", 'quo"te', "NULL", "", "{braces}"], cohortId: cohort.id },
  });
  await db.webhookDelivery.create({
    data: { webhookId: webhook.id, event: "submission.created", payload: { text: AWKWARD_TEXT, nested: { list: [1, null, "x"] } }, lastError: null },
  });
  await db.rateLimit.create({ data: { key: "login:email:someone@example.org", points: 3, expiresAt: new Date("2027-01-01") } });
  await db.notificationPreference.create({ data: { userId: outsider.id, type: "comment", inApp: false, email: true } });
  await db.savedReply.create({ data: { ownerId: mentor.userId, title: "Tab\there", body: AWKWARD_TEXT } });
  const notification = await db.notification.findFirst({ select: { id: true } });
  await db.mail.create({
    data: {
      userId: outsider.id,
      toAddress: "outsider@example.org",
      kind: "decision",
      subject: AWKWARD_TEXT,
      textBody: AWKWARD_TEXT,
      htmlBody: `<p>${AWKWARD_TEXT}</p>`,
      notificationIds: notification ? [notification.id] : [],
      status: "failed",
      attempts: 6,
      lastError: "451 try again",
    },
  });
  await db.nudge.create({ data: { learnerId: learner.userId, cohortId: cohort.id, kind: "learner", step: 2 } });
  await db.idempotencyKey.create({
    data: { userId: outsider.id, key: "key-1", scope: "POST /x", requestHash: "h", responseStatus: 201, responseBody: { ok: true }, expiresAt: new Date("2027-01-01") },
  });
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "cairn-backup-test-"));
  archive = path.join(directory, "demo.gz");
  await seedDemoOnce();
  await fillTheRest();
  await backupTo(archive);
}, 180_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${TARGET} WITH (FORCE)`));
});

describe("npm run db:backup → db:restore", () => {
  it("restores every row of every table into an empty migrated database", async () => {
    const before = await everyTable(source());
    const empty = Object.entries(before).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty, "every table takes part in the round trip").toEqual([]);

    const target = await createDatabase(TARGET, { fromTemplate: true });
    const summary = await restoreFrom(archive, target);

    expect(summary.tables).toBe(Object.keys(before).length);
    expect(summary.rows).toBe(Object.values(before).reduce((sum, rows) => sum + rows.length, 0));
    expect(await everyTable(target)).toEqual(before);
    const [note] = await query<{ body: string }>(target, "SELECT body FROM private_notes WHERE item_key = 'awkward'");
    expect(note?.body).toBe(AWKWARD_TEXT);
  }, 120_000);

  it("brings a blank database to the backup's migration level, then restores", async () => {
    const target = await createDatabase(TARGET);
    await restoreFrom(archive, target);
    const levels = (url: string) =>
      query<{ migration_name: string; checksum: string }>(url, `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1`);
    expect(await levels(target)).toEqual(await levels(source()));
    expect(await rowsOf(target, "reviews")).toEqual(await rowsOf(source(), "reviews"));
  }, 120_000);

  it("records the migration level and the tables parents-first in the archive's header", async () => {
    const header = JSON.parse(gunzipSync(await readFile(archive)).toString("utf8").split("\n")[0]!);
    expect(header.format).toBe("cairn.backup/v1");
    const migrations = await query<{ migration_name: string }>(source(), `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
    expect(header.migrations.map((m: { name: string }) => m.name)).toEqual(migrations.map((m) => m.migration_name));
    const order = header.tables.map((table: { name: string }) => table.name);
    expect(order.indexOf("users")).toBeLessThan(order.indexOf("memberships"));
    expect(order.indexOf("submissions")).toBeLessThan(order.indexOf("reviews"));
    expect([...order].sort()).toEqual(await tableNames(source()));
  });
});

describe("what a restore refuses", () => {
  it("refuses a database that is not empty, and leaves it as it was", async () => {
    const target = await createDatabase(TARGET, { fromTemplate: true });
    await query(target, `INSERT INTO instance_settings (key, value, updated_at) VALUES ('mine', '"keep me"', now())`);

    await expect(restoreFrom(archive, target)).rejects.toThrow(
      'The target database is not empty (table "instance_settings" has rows). Restore only into an empty database.',
    );
    expect(await rowsOf(target, "users")).toEqual([]);
    expect(await query(target, "SELECT key FROM instance_settings")).toEqual([{ key: "mine" }]);
  });

  it("refuses a database at another migration level, and writes nothing", async () => {
    const target = await createDatabase(TARGET, { fromTemplate: true });
    await query(target, `DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`);

    await expect(restoreFrom(archive, target)).rejects.toThrow(/The target database is at another migration level \(\d+ migrations, the last ".+"\) than the backup/);
    expect(await rowsOf(target, "users")).toEqual([]);
  });

  it("refuses a backup made at a level this Cairn does not have, before touching a blank database", async () => {
    const original = gunzipSync(await readFile(archive)).toString("utf8");
    const [headerLine, ...rest] = original.split("\n");
    const header = JSON.parse(headerLine!);
    header.migrations.push({ name: "99991231000000_from_the_future", checksum: "0".repeat(64) });
    const future = gzipSync(Buffer.from([JSON.stringify(header), ...rest].join("\n")));
    const target = await createDatabase(TARGET);

    await expect(restoreFrom(future, target)).rejects.toThrow(/this version of Cairn does not have .*"99991231000000_from_the_future" is missing/);
    expect(await tableNames(target)).toEqual([]);
  });

  it("restores nothing from an archive that is cut short", async () => {
    const whole = await readFile(archive);
    const target = await createDatabase(TARGET, { fromTemplate: true });

    await expect(restoreFrom(whole.subarray(0, Math.floor(whole.length * 0.6)), target)).rejects.toThrow(/cut short/);
    for (const table of await tableNames(target)) expect(await rowsOf(target, table), table).toEqual([]);
  });

  it("restores nothing when a late table fails to load, though earlier tables loaded fine", async () => {
    const lines = gunzipSync(await readFile(archive)).toString("utf8").split("\n");
    // A review pointing at no submission: every table before it loads, then its foreign key check fails.
    const reviews = lines.indexOf('{"table":"reviews"}');
    const row = lines[reviews + 1]!.split("\t");
    row[1] = "00000000-0000-7000-8000-000000000000";
    lines[reviews + 1] = row.join("\t");
    const target = await createDatabase(TARGET, { fromTemplate: true });

    await expect(restoreFrom(gzipSync(Buffer.from(lines.join("\n"))), target)).rejects.toThrow(
      /Restoring table "reviews" failed, nothing was restored: .*foreign key/,
    );
    for (const table of await tableNames(target)) expect(await rowsOf(target, table), table).toEqual([]);
  });

  it("says a file that is not a backup is not one", async () => {
    const file = path.join(directory, "notes.txt");
    await writeFile(file, "just some notes\n");
    const target = await createDatabase(TARGET, { fromTemplate: true });
    await expect(restoreFrom(file, target)).rejects.toThrow(/This file is not a Cairn backup/);
    await expect(restoreFrom(gzipSync(Buffer.from('{"hello":"world"}\n')), target)).rejects.toThrow(/not a Cairn backup/);
  });
});

describe("sequences and identity columns", () => {
  it("continue where the backed-up database stood", async () => {
    const withProbe = async (url: string) => {
      await query(url, "CREATE TABLE backup_probe (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text NOT NULL)");
      await query(url, "CREATE SEQUENCE backup_probe_numbers START 100");
    };
    const origin = await createDatabase(`cairn_backup_origin_${POOL}`, { fromTemplate: true });
    await withProbe(origin);
    await query(origin, "INSERT INTO backup_probe (label) SELECT 'row ' || n FROM generate_series(1, 41) n");
    await query(origin, "SELECT nextval('backup_probe_numbers') FROM generate_series(1, 7)");
    const file = path.join(directory, "sequences.gz");
    await backupTo(file, origin);

    const target = await createDatabase(TARGET, { fromTemplate: true });
    await withProbe(target);
    await restoreFrom(file, target);

    expect(await query(target, "INSERT INTO backup_probe (label) VALUES ('after') RETURNING id")).toEqual([{ id: 42 }]);
    expect(await query(target, "SELECT nextval('backup_probe_numbers')::int AS next")).toEqual([{ next: 107 }]);
    await withAdminClient((client) => client.query(`DROP DATABASE ${`cairn_backup_origin_${POOL}`} WITH (FORCE)`));
  }, 60_000);
});

describe("large tables", () => {
  it("stream through in bounded memory", async () => {
    const origin = await createDatabase(`cairn_backup_large_${POOL}`, { fromTemplate: true });
    const [user] = await query<{ id: string }>(
      origin,
      "INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), 'big@example.org', 'Big', 'x', now()) RETURNING id",
    );
    // ~80 MB of notification rows: twice the memory growth allowed below.
    await query(
      origin,
      `INSERT INTO notifications (id, user_id, type, title, href, updated_at)
       SELECT gen_random_uuid(), $1, 'comment', n || ' ' || repeat(md5(n::text), 64), '/roadmap', now() FROM generate_series(1, 40000) n`,
      [user!.id],
    );
    const file = path.join(directory, "large.gz");
    let peak = 0;
    const baseline = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - baseline)), 10);
    try {
      await backupTo(file, origin);
      const target = await createDatabase(TARGET, { fromTemplate: true });
      const summary = await restoreFrom(file, target);
      expect(summary.rows).toBe(40_001);
    } finally {
      clearInterval(sampler);
      await withAdminClient((client) => client.query(`DROP DATABASE ${`cairn_backup_large_${POOL}`} WITH (FORCE)`));
    }
    expect(peak).toBeLessThan(40 * 1024 * 1024);
  }, 240_000);
});
