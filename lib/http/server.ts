// Cairn's own HTTP server in front of Next's request handler (docs/decisions/012-own-http-server-and-database-deadlines.md):
// it decides the client's address before Next sees a request, and drains in-flight requests on shutdown
// (docs/security.md #11, #30).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { setClientAddressHeader, type ProxyTrust } from "@/lib/http/client-address";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

type Log = {
  error: (details: Record<string, unknown>, message: string) => void;
};

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
    if (draining) response.setHeader("connection", "close");
    Promise.resolve()
      .then(() => handler(request, response))
      .catch((error: unknown) => {
        log.error({ err: error, method: request.method, url: request.url }, "request handler failed");
        if (response.headersSent) {
          response.destroy();
        } else {
          response.statusCode = 500;
          response.end("Internal Server Error");
        }
      });
  });
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
