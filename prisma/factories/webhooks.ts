// Webhooks for tests and e2e fixtures, and the receiver they deliver to: a real HTTP server on 127.0.0.1.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db";
import { newWebhookSecret } from "@/lib/features/webhooks/mutations";
import type { WebhookEvent } from "@/lib/features/webhooks/constants";

export async function createWebhook({
  url,
  events = ["submission.created"],
  allowPrivateNetwork = true,
  active = true,
  cohortId = null,
}: { url: string; events?: WebhookEvent[]; allowPrivateNetwork?: boolean; active?: boolean; cohortId?: string | null }) {
  return db.webhook.create({ data: { url, events, allowPrivateNetwork, active, cohortId, secret: newWebhookSecret() } });
}

export type ReceivedRequest = { method: string; headers: Record<string, string>; body: string };

/** A receiver that records every request and answers with `status()` (200 unless changed). */
export async function startReceiver(answer: { status: number; body?: string } = { status: 200, body: "thanks" }) {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers[name] = value;
      received.push({ method: request.method ?? "", headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/cairn`,
    received,
    answer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
