// Starts one embedded PostgreSQL for the whole Vitest run and migrates a template
// database that every worker clones (docs/conventions.md, "Tests").
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";

const TEMPLATE = "cairn_template";

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cairn-test-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, password: "cairn-test", removeOnStop: true });
  try {
    const admin = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    await admin.end();
    await migrate({ connectionString: `${server.serverUrl}/${TEMPLATE}` });
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("pgServerUrl", server.serverUrl);
  return async () => {
    await server.stop();
  };
}
