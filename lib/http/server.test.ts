import http, { type IncomingHttpHeaders } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import type { ProxyTrust } from "@/lib/http/client-address";
import { createCairnServer, type CairnServer, type RequestHandler } from "@/lib/http/server";

type Log = Parameters<typeof createCairnServer>[0]["log"];
const silent: Log = { debug: () => {}, info: () => {}, error: () => {} };
const running: CairnServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((cairn) => cairn.drain(1_000)));
});

/** What the app behind the server sees: the headers Next would be handed, raw and parsed. */
function echoHeaders(): RequestHandler {
  return (request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ headers: request.headers, rawHeaders: request.rawHeaders }));
  };
}

async function start(handler: RequestHandler, trust: ProxyTrust = { trustProxy: false, hops: 1 }, log: Log = silent) {
  const cairn = createCairnServer({ handler, trust, log });
  running.push(cairn);
  await new Promise<void>((resolve) => cairn.server.listen(0, "127.0.0.1", resolve));
  const { port } = cairn.server.address() as AddressInfo;
  return { cairn, port };
}

/** A raw request, so that header names keep the exact casing and repetition a client chose. */
function send(
  port: number,
  rawHeaders: string[] = [],
  agent?: http.Agent,
  path = "/",
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, host: "127.0.0.1", path, headers: ["Host", `127.0.0.1:${port}`, ...rawHeaders], agent });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on("error", reject);
    request.end();
  });
}

function toPairs(flat: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) pairs.push([flat[index]!, flat[index + 1]!]);
  return pairs;
}

function seen(body: string) {
  const parsed = JSON.parse(body) as { headers: Record<string, string>; rawHeaders: string[] };
  const raw = toPairs(parsed.rawHeaders).filter(([name]) => name.toLowerCase() === CLIENT_ADDRESS_HEADER);
  return { address: parsed.headers[CLIENT_ADDRESS_HEADER], raw };
}

describe("the client address header (docs/security.md #11)", () => {
  it("is the socket's address, whatever the client sent under that name or in X-Forwarded-For", async () => {
    const { port } = await start(echoHeaders());
    const response = await send(port, [
      "X-Cairn-Client-Address",
      "203.0.113.66",
      "x-cairn-client-address",
      "198.51.100.1",
      "X-Forwarded-For",
      "203.0.113.77",
    ]);
    const { address, raw } = seen(response.body);
    expect(address).toBe("127.0.0.1");
    expect(raw).toEqual([[CLIENT_ADDRESS_HEADER, "127.0.0.1"]]);
  });

  it("is set on requests that sent nothing about their address", async () => {
    const { port } = await start(echoHeaders());
    expect(seen((await send(port)).body).address).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is what that proxy appended to X-Forwarded-For, not what the client wrote", async () => {
    const { port } = await start(echoHeaders(), { trustProxy: true, hops: 1 });
    const response = await send(port, [
      CLIENT_ADDRESS_HEADER,
      "203.0.113.66",
      "X-Forwarded-For",
      "203.0.113.66, 192.0.2.44",
    ]);
    expect(seen(response.body).address).toBe("192.0.2.44");
  });
});

describe("draining on shutdown (docs/security.md #30)", () => {
  it("lets a request in flight finish, refuses new connections, and closes idle keep-alive connections", async () => {
    let release = () => {};
    let arrived = () => {};
    const handlerStarted = new Promise<void>((resolve) => (arrived = resolve));
    const slow: RequestHandler = async (_request, response) => {
      arrived();
      await new Promise<void>((resolve) => (release = resolve));
      response.end("finished");
    };
    const { cairn, port } = await start(slow);
    const keepAlive = new http.Agent({ keepAlive: true });
    const inFlight = send(port, [], keepAlive);
    await handlerStarted;

    const drained = cairn.drain(5_000);
    await expect(send(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    release();
    const response = await inFlight;
    expect(response).toMatchObject({ status: 200, body: "finished" });
    expect(await drained).toEqual({ forced: false });
    expect(cairn.server.listening).toBe(false);
    keepAlive.destroy();
  });

  it("cuts requests still running when the grace period ends, and says so", async () => {
    const { cairn, port } = await start(() => new Promise<void>(() => {}));
    const stuck = send(port).catch((error: unknown) => error);
    await expect.poll(() => cairn.server.listening && getConnections(cairn.server)).toBe(1);
    const started = Date.now();
    expect(await cairn.drain(300)).toEqual({ forced: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stuck).toMatchObject({ code: "ECONNRESET" });
  });
});

function getConnections(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

/** Writes bytes as they are, so that a request Node cannot parse reaches the server. */
function sendRaw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(bytes));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("answers the server writes itself (docs/security.md #40)", () => {
  it.each([
    ["headers larger than Node accepts", (port: number) => `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
    ["a request line that is not HTTP", () => "HELLO THERE\r\n\r\n", 400],
  ])("%s get a status, a sentence and the security headers", async (_name, request, status) => {
    const { port } = await start(echoHeaders());
    const answer = await sendRaw(port, request(port));
    expect(answer.split("\r\n")[0]).toBe(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`);
    expect(answer.toLowerCase()).toContain("x-content-type-options: nosniff");
    expect(answer.toLowerCase()).toContain("content-security-policy: default-src 'none'");
    expect(answer).toMatch(/Cairn/);
  });

  it("a handler that fails unexpectedly answers 500 with the security headers", async () => {
    const { port } = await start(() => {
      throw new Error("boom");
    });
    const answer = await send(port);
    expect(answer.status).toBe(500);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.body).not.toContain("boom");
  });
});

describe("request log", () => {
  it("writes one line per answered request with its status and duration, without query strings or link secrets (docs/security.md #42)", async () => {
    const lines: Record<string, unknown>[] = [];
    const log: Log = { debug: () => {}, info: (details) => void lines.push(details), error: () => {} };
    const { port } = await start(
      (request, response) => {
        response.setHeader("x-request-id", "req-12345678");
        response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
        response.end("ok");
      },
      undefined,
      log,
    );
    await send(port, [], undefined, "/roadmap?cohort=abc");
    await send(port, [], undefined, "/missing");
    await send(port, [], undefined, "/invite/s3cr3t-token-value?x=1");
    await send(port, [], undefined, "/reset-password/an0ther-secret");
    await send(port, [], undefined, "/_next/static/chunks/app.js");

    await expect.poll(() => lines.length).toBe(4);
    expect(lines[0]).toMatchObject({ requestId: "req-12345678", method: "GET", path: "/roadmap", status: 200 });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
    expect(lines[1]).toMatchObject({ path: "/missing", status: 404 });
    expect(lines.map((line) => line.path)).toEqual(["/roadmap", "/missing", "/invite/[redacted]", "/reset-password/[redacted]"]);
    expect(JSON.stringify(lines)).not.toMatch(/s3cr3t|an0ther|cohort=/);
  });
});
