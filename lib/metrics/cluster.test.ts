import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill("SIGTERM");
});

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A request on a connection of its own, so the cluster may hand it to either worker. */
function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/api/metrics", agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

describe("metrics of a multi-process server", () => {
  it("answers a scrape on any worker with the sum over every worker", async () => {
    const port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "test/metrics-cluster-server.ts"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        if (chunk.includes("listening")) resolve();
      });
      child!.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    });
    // Worker 1 counted one request to /cohorts and worker 2 two: whichever answers, the scrape says three.
    for (let scrape = 0; scrape < 4; scrape += 1) {
      const text = await get(port);
      expect(text).toContain('cairn_http_requests_total{method="GET",route="/cohorts",status="2xx"} 3');
      expect(text).toContain('cairn_http_request_duration_seconds_count{method="GET",route="/cohorts",status="2xx"} 3');
    }
  }, 60_000);
});
