import type http from "node:http";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, OutboundError, outboundRequest, type OutboundFailure } from "@/lib/net/outbound";
import { selfSignedCertificate, startLocalServer, type Handler, type LocalServer } from "@/test/local-server";

const servers: LocalServer[] = [];

async function serve(handler: Handler, tls?: { key: string; cert: string }): Promise<LocalServer> {
  const server = await startLocalServer(handler, tls);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function failureOf(promise: Promise<unknown>): Promise<{ failure: OutboundFailure; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OutboundError) return { failure: error.failure, message: error.message };
    throw error;
  }
  throw new Error("the request succeeded");
}

const ok = (_request: http.IncomingMessage, response: http.ServerResponse) => response.end("hello");
const ONLY_THE_TEST_SERVER = ["127.0.0.1"];

describe("the private-address rule", () => {
  it("calls private, loopback, link-local and IPv4-mapped addresses private, and public ones not", () => {
    const refused = [
      "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "127.0.0.1", "127.8.8.8", "0.0.0.0", "169.254.169.254",
      "100.64.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
      "::ffff:7f00:1", "::ffff:a9fe:a9fe", "64:ff9b::a00:1", "not an address",
    ];
    const allowed = ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"];
    expect(refused.filter((address) => !isPrivateAddress(address))).toEqual([]);
    expect(allowed.filter((address) => isPrivateAddress(address))).toEqual([]);
  });
});

describe("outbound requests (docs/security.md #49)", () => {
  it("refuses private, loopback, link-local and IPv4-mapped addresses before connecting", async () => {
    const server = await serve(ok);
    for (const url of [
      `http://127.0.0.1:${server.port}/`,
      `http://[::1]:${server.port}/`,
      `http://[::ffff:127.0.0.1]:${server.port}/`,
      `http://[::ffff:7f00:1]:${server.port}/`,
      `http://0x7f.1:${server.port}/`,
      "http://169.254.169.254/latest/meta-data/",
      "http://[fe80::1]/",
      "http://10.0.0.1/",
      "http://192.168.0.1/",
    ]) {
      expect(await failureOf(outboundRequest(url, { timeoutMs: 2000 })), url).toMatchObject({ failure: "private_address" });
    }
    expect(server.seen).toEqual([]);
  });

  it("refuses a name that resolves to a loopback address (localhost)", async () => {
    const server = await serve(ok);
    const refused = await failureOf(outboundRequest(`http://localhost:${server.port}/`, { timeoutMs: 2000 }));
    expect(refused.failure).toBe("private_address");
    expect(server.seen).toEqual([]);
  });

  it("reaches a private address only when allowed", async () => {
    const server = await serve(ok);
    const answer = await outboundRequest(`${server.origin}/page`, { timeoutMs: 2000, allowPrivate: true });
    expect(answer).toMatchObject({ status: 200, statusText: "OK", body: "hello", url: `${server.origin}/page` });
    const named = await outboundRequest(`http://localhost:${server.port}/`, { timeoutMs: 2000, allowPrivate: true });
    expect(named.status).toBe(200);
  });

  it("refuses a redirect from an allowed address to a private one, and never connects to it", async () => {
    const target = await serve(ok);
    for (const location of [
      `http://[::ffff:127.0.0.1]:${target.port}/inside`,
      `http://127.0.0.2:${target.port}/inside`,
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      const front = await serve((_request, response) => response.writeHead(302, { location }).end());
      const refused = await failureOf(
        outboundRequest(`${front.origin}/`, { timeoutMs: 2000, maxRedirects: 5, allowedAddresses: ONLY_THE_TEST_SERVER }),
      );
      expect(refused.failure, location).toBe("private_address");
      expect(front.seen).toHaveLength(1);
    }
    expect(target.seen).toEqual([]);
  });

  it("follows at most maxRedirects redirects and refuses a loop", async () => {
    const server = await serve((request, response) => {
      const hops = /^\/hops\/(\d+)$/.exec(request.url ?? "");
      if (request.url === "/loop") return response.writeHead(301, { location: "/loop" }).end();
      if (hops && Number(hops[1]) > 0) return response.writeHead(307, { location: `/hops/${Number(hops[1]) - 1}` }).end();
      response.end("arrived");
    });
    const options = { timeoutMs: 2000, maxRedirects: 5, allowPrivate: true };
    const five = await outboundRequest(`${server.origin}/hops/5`, options);
    expect(five).toMatchObject({ status: 200, body: "arrived", url: `${server.origin}/hops/0` });
    expect(await failureOf(outboundRequest(`${server.origin}/hops/6`, options))).toMatchObject({
      failure: "too_many_redirects",
      message: "more than 5 redirects",
    });
    expect(await failureOf(outboundRequest(`${server.origin}/loop`, options))).toMatchObject({ failure: "too_many_redirects" });
    const unfollowed = await outboundRequest(`${server.origin}/hops/1`, { timeoutMs: 2000, allowPrivate: true });
    expect(unfollowed.status).toBe(307);
  });

  it("turns a POST redirected with 303 into a GET without the body", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/form") return response.writeHead(303, { location: "/result" }).end();
      response.end("done");
    });
    const answer = await outboundRequest(`${server.origin}/form`, {
      method: "POST",
      body: "secret=1",
      timeoutMs: 2000,
      maxRedirects: 1,
      allowPrivate: true,
    });
    expect(answer.body).toBe("done");
    expect(server.seen).toEqual([
      { method: "POST", path: "/form", body: "secret=1" },
      { method: "GET", path: "/result", body: "" },
    ]);
  });

  it("gives up with a timeout when the server never answers, or stops sending the body", async () => {
    const silent = await serve(() => undefined);
    expect(await failureOf(outboundRequest(`${silent.origin}/`, { timeoutMs: 300, allowPrivate: true }))).toMatchObject({
      failure: "timeout",
    });
    const stalling = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("partial");
    });
    expect(await failureOf(outboundRequest(`${stalling.origin}/`, { timeoutMs: 300, allowPrivate: true }))).toMatchObject({
      failure: "timeout",
    });
  });

  describe("over TLS", () => {
    let certificate = { key: "", cert: "" };

    beforeAll(() => {
      certificate = selfSignedCertificate();
    });

    it("reports a self-signed certificate as a TLS error", async () => {
      const server = await serve(ok, certificate);
      const refused = await failureOf(outboundRequest(`${server.origin}/`, { timeoutMs: 2000, allowPrivate: true }));
      expect(refused.failure).toBe("tls");
      expect(server.seen).toEqual([]);
    });
  });

  it("reads the body only up to maxBodyBytes", async () => {
    const server = await serve((_request, response) => response.end("x".repeat(100_000)));
    const capped = await outboundRequest(`${server.origin}/`, { timeoutMs: 2000, allowPrivate: true, maxBodyBytes: 1000 });
    expect(capped.body).toHaveLength(1000);
    const byDefault = await outboundRequest(`${server.origin}/`, { timeoutMs: 2000, allowPrivate: true });
    expect(byDefault.body).toHaveLength(4096);
  });

  it("refuses what is not a plain http(s) address, and says when a name does not resolve", async () => {
    for (const url of ["javascript:alert(1)", "ftp://example.com/", "https://user:secret@example.com/", "//example.com"]) {
      expect(await failureOf(outboundRequest(url, { timeoutMs: 2000 })), url).toMatchObject({ failure: "invalid_url" });
    }
    expect(await failureOf(outboundRequest("http://cairn-link-check.invalid/", { timeoutMs: 5000 }))).toMatchObject({
      failure: "dns",
    });
  });
});
