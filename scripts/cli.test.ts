// The command-line tools as an operator runs them: real processes against the test database.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { DEFAULT_ROADMAP_FILE } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createDatabase, withAdminClient } from "@/test/database";

const exec = promisify(execFile);

async function run(script: string, args: string[], stdin?: string, env: Record<string, string> = {}) {
  const child = exec(process.execPath, ["--import", "tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
  });
  if (stdin !== undefined) {
    child.child.stdin?.end(stdin);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function tempFile(name: string, content: string) {
  const directory = await mkdtemp(path.join(os.tmpdir(), "cairn-cli-"));
  const file = path.join(directory, name);
  await writeFile(file, content);
  return file;
}

describe("npm start", () => {
  it("refuses a port another program listens on, before it starts anything, and says how to choose another", async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      const result = await run("start", [], undefined, { PORT: String(port), NEXTAUTH_SECRET: "a-session-secret-long-enough-for-the-check-".repeat(2) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is already in use, by another Cairn or another program.`);
      expect(result.stdout).not.toContain("Cairn is ready");
    } finally {
      other.close();
    }
  });
});

describe("npm run roadmap:import / roadmap:export", () => {
  it("imports a file, then exports the same Markdown", async () => {
    const imported = await run("roadmap-import", [DEFAULT_ROADMAP_FILE]);
    expect(imported.stdout).toMatch(/Imported "MLOps Roadmap 2026" as version 1 of roadmap "mlops-roadmap-2026"/);
    const exported = await run("roadmap-export", ["mlops-roadmap-2026", "--format", "md"]);
    expect(exported.code).toBe(0);
    const reparsed = parseRoadmapMarkdown(exported.stdout);
    const original = parseRoadmapMarkdown(await readFile(DEFAULT_ROADMAP_FILE, "utf8"));
    expect(reparsed.ok && original.ok && reparsed.document).toEqual(original.ok && original.document);
    const json = await run("roadmap-export", ["mlops-roadmap-2026", "--format", "json"]);
    expect(JSON.parse(json.stdout).format).toBe("cairn.roadmap/v1");
  }, 60_000);

  it("names the line of a problem and imports nothing", async () => {
    const file = await tempFile("broken.md", "# Broken roadmap\n\n## Phase 1: One\n- Same {#same}\n- Again {#same}\n");
    const before = await db.roadmap.count();
    const result = await run("roadmap-import", [file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:5:`);
    expect(result.stderr).toContain("Nothing was imported.");
    expect(await db.roadmap.count()).toBe(before);
  }, 60_000);

  it("says which roadmap it could not find", async () => {
    const result = await run("roadmap-export", ["no-such-roadmap"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No roadmap "no-such-roadmap"');
  }, 60_000);
});

describe("npm run admin:create", () => {
  it("creates an admin with the password read from standard input", async () => {
    const result = await run("admin-create", ["--email", "first@example.org", "--name", "First Admin"], "a fine long passphrase\n");
    expect(result.stdout).toContain("Admin created: first@example.org");
    const user = await db.user.findUniqueOrThrow({ where: { email: "first@example.org" } });
    expect(user.isAdmin).toBe(true);
  }, 60_000);

  it("refuses a weak password and creates nobody", async () => {
    const result = await run("admin-create", ["--email", "weak@example.org"], "short\n");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("password: Use at least 8 characters.");
    expect(await db.user.count({ where: { email: "weak@example.org" } })).toBe(0);
  }, 60_000);
});

describe("npm run db:backup / db:restore", () => {
  const target = `cairn_cli_restore_${process.env.VITEST_POOL_ID ?? "0"}`;
  afterAll(() => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`)));

  it("backs up to a file, restores it into an empty database, and refuses a second restore there", async () => {
    await createUser({ email: "kept@example.org", name: "Kept Through A Restore" });
    const directory = await mkdtemp(path.join(os.tmpdir(), "cairn-cli-backup-"));
    const file = path.join(directory, "nightly.gz");

    const backup = await run("db-backup", ["--output", file]);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/^Backed up \d+ tables, \d+ rows \(migration level: \d{14}_\w+\) to .*nightly\.gz \(\d+\.\d MB\)\.$/m);
    expect(await run("db-backup", ["--output", file])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("already exists; choose another --output. Nothing was written."),
    });

    const url = await createDatabase(target);
    const restored = await run("db-restore", [file], undefined, { DATABASE_URL: url });
    expect(restored.stdout).toMatch(/^Restored \d+ tables, \d+ rows/m);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT name FROM users WHERE email = 'kept@example.org'");
      expect(rows).toEqual([{ name: "Kept Through A Restore" }]);
    } finally {
      await client.end();
    }

    const again = await run("db-restore", [file], undefined, { DATABASE_URL: url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("The target database is not empty");
    await rm(directory, { recursive: true, force: true });
  }, 120_000);
});
