// Real HTTP(S) servers on loopback for tests of Cairn's outbound requests: each logs every request it gets (and when
// its answer ended), so a test proves what reached it — or that nothing did — from the log, never from timing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type Seen = { method: string; path: string; body: string };
export type LocalServer = {
  origin: string;
  port: number;
  seen: Seen[];
  /** "start GET /a", "end GET /a", … in the order they happened. */
  events: string[];
  close: () => Promise<void>;
};
export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export async function startLocalServer(handler: Handler, tls?: { key: string; cert: string }): Promise<LocalServer> {
  const seen: Seen[] = [];
  const events: string[] = [];
  const listener: http.RequestListener = (request, response) => {
    const chunks: Buffer[] = [];
    const name = `${request.method} ${request.url}`;
    events.push(`start ${name}`);
    response.on("close", () => events.push(`end ${name}`));
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", path: request.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
      handler(request, response);
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    seen,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A throwaway self-signed certificate for 127.0.0.1, made with the openssl command line. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const directory = mkdtempSync(path.join(tmpdir(), "cairn-tls-"));
  try {
    const key = path.join(directory, "key.pem");
    const cert = path.join(directory, "cert.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
      { stdio: "ignore" },
    );
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
