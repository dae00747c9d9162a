import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expect, test } from "@/e2e/support/fixtures";

// An admin connects a receiver: creates a webhook to a server this test starts on 127.0.0.1 (allowing private
// network addresses, as a receiver inside the school's network needs), sees the signing secret once, sends a test
// and sees the receiver's 200 in the delivery log. The receiver checks each signature with the secret the page showed.
// Then the admin limits the hook to the demo cohort and sees that cohort on the hook's page and in the list.

/** The cohort the demo seed creates. */
const COHORT = "MLOps Cohort 2027";

type Received = { headers: http.IncomingHttpHeaders; body: string };

async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok from the receiver");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/cairn-events`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("an admin creates a webhook, sees its secret once, sends a test, sees the 200 in the log and limits it to a cohort", async ({ signIn }) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  try {
    const page = await signIn("admin");
    await page.goto("/admin");
    await page.getByRole("main").getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    await page.getByRole("button", { name: "New webhook" }).click();
    const form = page.getByRole("form", { name: "New webhook" });
    await form.getByLabel("Receiver URL").fill("ftp://example.org/hook");
    await form.getByRole("button", { name: "Create webhook" }).click();
    await expect(form.getByText("Enter the full http:// or https:// address of the receiver.")).toBeVisible();
    await expect(form.getByText("Pick at least one event.")).toBeVisible();

    await form.getByLabel("Receiver URL").fill(receiver.url);
    await form.getByLabel("Description").fill("School dashboard");
    await form.getByRole("checkbox", { name: /^submission\.created/ }).check();
    await form.getByRole("checkbox", { name: /^milestone\.completed/ }).check();
    await expect(form.getByText(/Only for a receiver inside your own network/)).toBeVisible();
    await form.getByRole("checkbox", { name: "Allow private network addresses" }).check();
    await form.getByRole("button", { name: "Create webhook" }).click();

    const revealed = page.getByRole("region", { name: "Signing secret" });
    await expect(revealed.getByText(/you won't see it again/)).toBeVisible();
    const secret = await revealed.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await revealed.getByRole("button", { name: "Done" }).click();

    const table = page.getByRole("table", { name: "Webhooks" });
    const row = table.getByRole("row").filter({ hasText: receiver.url });
    await expect(row.getByText("Active")).toBeVisible();
    await expect(row.getByText("None yet")).toBeVisible();
    await page.reload();
    expect(await page.content()).not.toContain(secret.slice(6));

    await row.getByRole("link", { name: receiver.url }).click();
    await expect(page.getByRole("heading", { level: 1, name: "School dashboard" })).toBeVisible();
    await expect(page.getByText("No deliveries yet.", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Send test" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Test delivered: the receiver answered 200 in \d+ ms\.$/ })).toBeVisible();

    const log = page.getByRole("table", { name: "Deliveries" });
    const delivery = log.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(delivery.getByText("Delivered")).toBeVisible();
    await expect(delivery.getByRole("cell", { name: "200", exact: true })).toBeVisible();
    await expect(delivery.getByText("ok from the receiver")).toBeVisible();
    expect(await page.content()).not.toContain(secret.slice(6));

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const headers = Object.fromEntries(Object.entries(request!.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    expect(new Webhook(secret).verify(request!.body, headers)).toMatchObject({ type: "webhook.test" });

    await expect(page.getByRole("definition").filter({ hasText: "Every cohort" })).toBeVisible();
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const edit = page.getByRole("form", { name: "Edit webhook" });
    await expect(edit.getByText("Only this cohort's events are sent.", { exact: false })).toBeVisible();
    await edit.getByRole("combobox", { name: "Cohort" }).selectOption({ label: COHORT });
    await edit.getByRole("checkbox", { name: /^roadmap\.version_published/ }).check();
    await edit.getByRole("button", { name: "Save webhook" }).click();
    await expect(edit.getByText(/^roadmap\.version_published belongs to no cohort/)).toBeVisible();
    await edit.getByRole("checkbox", { name: /^roadmap\.version_published/ }).uncheck();
    await edit.getByRole("button", { name: "Save webhook" }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole("definition").filter({ hasText: COHORT })).toBeVisible();

    await page.getByRole("main").getByRole("link", { name: "Webhooks", exact: true }).click();
    const limited = page.getByRole("table", { name: "Webhooks" }).getByRole("row").filter({ hasText: receiver.url });
    await expect(limited.getByRole("cell", { name: COHORT })).toBeVisible();
  } finally {
    await receiver.close();
  }
});
