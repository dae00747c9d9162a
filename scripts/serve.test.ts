// The web server as the Docker image builds and starts it. Docker cannot run here, so this runs the Dockerfile's own
// bundling command and the bundle it makes.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dockerfile = readFileSync("Dockerfile", "utf8");
const scratch: string[] = [];

afterAll(async () => {
  await Promise.all(scratch.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** The `npx esbuild …` step of the build stage, continuation lines joined, as the shell would run it. */
function esbuildCommand(): string {
  const joined = dockerfile.replace(/\\\n\s*/g, " ");
  const command = /npx esbuild .*?(?= && |\n|$)/.exec(joined)?.[0];
  if (!command) throw new Error("The Dockerfile has no esbuild step");
  return command;
}

describe("the Docker image's web server", () => {
  it("is the bundle the build stage makes, started from the standalone output after the migrator", () => {
    expect(esbuildCommand()).toContain("scripts/serve.ts");
    expect(esbuildCommand()).toContain("--outdir=dist");
    expect(dockerfile).toMatch(/^CMD \["sh", "-c", "node dist\/migrate\.mjs && exec node dist\/serve\.mjs --standalone"\]$/m);
    expect(dockerfile).toMatch(/^FROM node:26-[a-z]+-slim AS runtime$/m);
  });

  it("bundles, loads, and refuses to start without a session secret, saying how to make one", async () => {
    // Inside the project, so the bundle resolves its external packages (next, pino) from node_modules, as it does
    // from the standalone output's node_modules in the image.
    await mkdir("dist", { recursive: true });
    const outdir = await mkdtemp(path.join("dist", "image-test-"));
    scratch.push(outdir);
    await run("sh", ["-c", esbuildCommand().replace("--outdir=dist", `--outdir=${outdir}`)]);
    expect(existsSync(path.join(outdir, "serve.mjs"))).toBe(true);

    const started = run(process.execPath, [path.join(outdir, "serve.mjs"), "--standalone"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: "postgresql://cairn@127.0.0.1:1/cairn" },
    });
    await expect(started).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("NEXTAUTH_SECRET: is required to sign sessions (generate one with: openssl rand -base64 32)"),
    });
  }, 60_000);
});
