// What the load run and the benchmark share: a request generator in its own process pinned to one core, and the
// facts about the machine and the code that every result file records.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** The core request generators run on; the servers they measure keep the others (docs/decisions/021). */
export const GENERATOR_CORE = 1;

function say(line: string) {
  process.stderr.write(`${line}\n`);
}

/** True when this machine can give the generator a core of its own. */
export function canPin(): boolean {
  return os.cpus().length > 1 && spawnSync("taskset", ["-c", String(GENERATOR_CORE), "true"]).status === 0;
}

/** `taskset -c <core>` to prefix a command with, or nothing (with a note) where pinning is impossible. */
export function pinnedCommand(core = GENERATOR_CORE): string[] {
  if (!canPin()) {
    say("taskset is not available (or one core only): the generator runs unpinned.");
    return [];
  }
  return ["taskset", "-c", String(core)];
}

/**
 * Runs `node --import tsx <script> <config.json> <result.json>` pinned to the generator's core and returns the
 * result file's JSON.
 */
export async function runPinnedScript<Result>(script: string, config: unknown): Promise<Result> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "cairn-generator-"));
  const configFile = path.join(directory, "config.json");
  const resultFile = path.join(directory, "result.json");
  await writeFile(configFile, JSON.stringify(config));
  const [command, ...args] = [...pinnedCommand(), process.execPath, "--import", "tsx", script, configFile, resultFile];
  const child = spawn(command!, args, { stdio: "inherit" });
  const [code] = (await once(child, "exit")) as [number | null];
  try {
    if (code !== 0) throw new Error(`${script} exited with ${code}.`);
    return JSON.parse(await readFile(resultFile, "utf8")) as Result;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"]).toString().trim() !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}
