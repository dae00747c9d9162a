// Cairn's own HTTP server in front of Next's request handler (docs/decisions/012-own-http-server-and-database-deadlines.md):
// it decides the client's address before Next sees a request, and drains in-flight requests on shutdown
// (docs/security.md #11, #30).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { setClientAddressHeader, type ProxyTrust } from "@/lib/http/client-address";
import { recordRequest } from "@/lib/metrics/registry";
import { ASSET_CONTENT_SECURITY_POLICY, BASELINE_HEADERS } from "@/lib/security-headers";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

type Log = {
  debug: (details: Record<string, unknown>, message: string) => void;
  info: (details: Record<string, unknown>, message: string) => void;
  error: (details: Record<string, unknown>, message: string) => void;
};

/** Invite and password-reset links carry their secret in the path (docs/security.md #42): logs never do. */
const SECRET_PATH = /^(\/(?:invite|reset-password)\/)[^/]+/;
/** Built assets are immutable files; a line for each would bury the page views. */
const UNLOGGED_PATH = /^\/_next\/static\//;

/** The path of a request as a log line shows it: no query string, no secret. */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? "/").split("?", 1)[0]!;
  return path.replace(SECRET_PATH, "$1[redacted]");
}

/**
 * One line per answered request, once it is answered: with its status and how long it took. `aborted` marks a
 * client that left before the answer was complete. At debug level a line also marks each arrival, so a request that
 * never finishes still shows. Every request, built assets included, is also counted in the HTTP metrics.
 */
function logWhenAnswered(request: IncomingMessage, response: ServerResponse, log: Log) {
  const path = loggablePath(request.url);
  const logged = !UNLOGGED_PATH.test(path);
  if (logged) log.debug({ method: request.method, path }, "request received");
  const started = performance.now();
  response.once("close", () => {
    const durationMs = performance.now() - started;
    recordRequest(request.method, path, response.statusCode, durationMs / 1000);
    if (!logged) return;
    const requestId = response.getHeader("x-request-id");
    log.info(
      {
        ...(typeof requestId === "string" ? { requestId } : {}),
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round(durationMs),
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
  });
}

/**
 * Longer than the idle timeout of common load balancers (60 s), so the balancer, not Cairn, closes an idle
 * connection; otherwise it may send a request down a connection Cairn is closing and answer it with a 502.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Above the keep-alive timeout, as Node requires, and still a bound on a client that trickles its headers. */
const HEADERS_TIMEOUT_MS = 66_000;
/** The whole request, body included (the largest is a 1.5 MB roadmap import). */
const REQUEST_TIMEOUT_MS = 120_000;
const IDLE_SWEEP_MS = 100;

/** Headers for the few answers this server writes itself, which Next and proxy.ts never see (docs/security.md #40). */
const OWN_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  ...BASELINE_HEADERS,
  "content-security-policy": ASSET_CONTENT_SECURITY_POLICY,
  "content-type": "text/plain; charset=utf-8",
  "cache-control": "no-store",
};

/**
 * Node answers a request it cannot parse — headers too large, a malformed request line — before any handler runs,
 * with a bare status line. Cairn answers it itself, with its headers and a sentence, then closes the connection.
 */
function answerUnparsableRequest(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const [status, reason, text] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "The request's headers are larger than Cairn accepts."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "The request took too long to arrive."]
        : [400, "Bad Request", "Cairn could not read this request."];
  const body = `${text}\n`;
  const headers = { ...OWN_ANSWER_HEADERS, "content-length": String(Buffer.byteLength(body)), connection: "close" };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join("");
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
}

export type CairnServer = {
  server: http.Server;
  /**
   * Stops accepting connections, lets requests in flight finish, closes idle keep-alive connections as they
   * become idle, and after `graceMs` cuts whatever is left. `forced` says whether it had to.
   */
  drain: (graceMs: number) => Promise<{ forced: boolean }>;
};

export function createCairnServer({ handler, trust, log }: { handler: RequestHandler; trust: ProxyTrust; log: Log }): CairnServer {
  let draining = false;
  const server = http.createServer((request, response) => {
    setClientAddressHeader(request, trust);
    logWhenAnswered(request, response, log);
    if (draining) response.setHeader("connection", "close");
    Promise.resolve()
      .then(() => handler(request, response))
      .catch((error: unknown) => {
        log.error({ err: error, method: request.method, url: request.url }, "request handler failed");
        if (response.headersSent) {
          response.destroy();
        } else {
          response.writeHead(500, OWN_ANSWER_HEADERS);
          response.end("Something went wrong on Cairn's side. Try again in a moment.\n");
        }
      });
  });
  server.on("clientError", answerUnparsableRequest);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;

  async function drain(graceMs: number): Promise<{ forced: boolean }> {
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), graceMs);
    });
    const outcome = await Promise.race([closed.then(() => "closed" as const), deadline]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (outcome === "deadline") {
      server.closeAllConnections();
      await closed;
    }
    return { forced: outcome === "deadline" };
  }

  return { server, drain };
}
