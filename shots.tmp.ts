import { chromium, type Page } from "@playwright/test";
const BASE = "http://localhost:3457";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
async function signIn(page: Page, email: string) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("cairn-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
async function shoot(email: string | null, path: string, name: string, opts: { width?: number; dark?: boolean; full?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1366, height: 900 }, colorScheme: opts.dark ? "dark" : "light" });
  const page = await context.newPage();
  if (email) await signIn(page, email);
  await page.goto(`${BASE}${path}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: opts.full ?? true });
  await context.close();
}
const which = process.argv[2] ?? "all";
if (which === "all" || which === "admin") {
  await shoot("admin@example.com", "/admin", "admin-home");
  await shoot("admin@example.com", "/admin/outbox", "outbox");
  await shoot("admin@example.com", "/admin/outbox", "outbox-375-dark", { width: 375, dark: true });
  await shoot("admin@example.com", "/admin/jobs", "jobs");
  await shoot("admin@example.com", "/admin/webhooks", "webhooks");
}
if (which === "all" || which === "public") {
  await shoot(null, "/login", "login");
  await shoot(null, "/forgot-password", "forgot-375", { width: 375 });
  await shoot(null, "/unsubscribe?u=x&k=decision&t=y", "unsubscribe-invalid", { width: 375, dark: true });
}
if (which === "all" || which === "people") {
  await shoot("learner@example.com", "/settings#notifications", "settings-learner", { width: 375 });
  await shoot("mentor@example.com", "/settings#notifications", "settings-mentor");
}
await browser.close();
