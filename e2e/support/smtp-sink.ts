// A real SMTP server for the end-to-end run (test/smtp.ts), started by playwright.config.ts before Cairn, so every
// journey runs with mail configured as a production instance would. It keeps what it receives and answers
// GET /messages (JSON, oldest first) for journeys that read their mail.
import http from "node:http";
import { E2E_SMTP } from "@/e2e/support/smtp-config";
import { startSmtpServer } from "@/test/smtp";

const smtp = await startSmtpServer(E2E_SMTP.port());

http
  .createServer((request, response) => {
    if (request.method === "GET" && request.url === "/messages") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(smtp.received));
      return;
    }
    response.writeHead(request.url === "/health" ? 200 : 404).end();
  })
  .listen(E2E_SMTP.apiPort(), "127.0.0.1");
