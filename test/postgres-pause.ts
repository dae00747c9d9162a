// Freezes an embedded PostgreSQL the way a stalled database host looks to Cairn: its connections stay open and its
// port accepts new ones, but nothing answers (docs/security.md #29, #38).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

function children(pid: number): number[] {
  try {
    const output = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)]).toString().trim();
    return output ? output.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/** Stops the server and every backend with SIGSTOP; the returned function lets them run again. */
export function pausePostgres(dataDir: string): () => void {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  // The postmaster first, so that it forks no backend between listing its children and stopping them.
  process.kill(postmaster, "SIGSTOP");
  const backends = children(postmaster);
  for (const pid of backends) process.kill(pid, "SIGSTOP");
  return () => {
    // Backends first: one that had already exited stays a zombie until the postmaster, once running, reaps it.
    for (const pid of [...backends, postmaster]) process.kill(pid, "SIGCONT");
  };
}
