import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "@/test/smtp";

/**
 * A real SMTP server for the enclosing `describe`: started before its tests, emptied and its environment stubs undone
 * after each, closed after the last. Tests point Cairn at it with `vi.stubEnv("SMTP_URL", smtp().url)`.
 */
export function smtpServerForSuite(): () => TestSmtpServer {
  let server: TestSmtpServer | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    if (server) server.received.length = 0;
  });
  return () => {
    if (!server) throw new Error("The test SMTP server runs only inside the tests of its describe block.");
    return server;
  };
}
