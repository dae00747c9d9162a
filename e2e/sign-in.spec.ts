import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "cairn-demo";

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test.describe("each demo role signs in and lands home", () => {
  test("the learner lands on their roadmap", async ({ page }) => {
    await signIn(page, "learner@example.com");
    await expect(page).toHaveURL(/\/roadmap$/);
    await expect(page.getByRole("heading", { level: 1, name: "MLOps Roadmap 2026" })).toBeVisible();
    await expect(page.getByText("MLOps Cohort 2027")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Phase 1:/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Phase \d:/ })).toHaveCount(7);
    await expect(page.getByText("Done", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Overall progress" })).toBeVisible();
    await signOut(page);
  });

  test("the mentor lands on the review queue", async ({ page }) => {
    await signIn(page, "mentor@example.com");
    await expect(page).toHaveURL(/\/reviews$/);
    await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Cohorts" }).getByRole("link", { name: /MLOps Cohort 2027/ })).toBeVisible();
    await signOut(page);
  });

  test("the admin lands on the admin home", async ({ page }) => {
    await signIn(page, "admin@example.com");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "MLOps Roadmap 2026" })).toBeVisible();
    await signOut(page);
  });
});

test("the session cookie is out of reach of scripts and other sites", async ({ page, context }) => {
  await signIn(page, "learner@example.com");
  await expect(page).toHaveURL(/\/roadmap$/);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session, "a session cookie was set").toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  await signOut(page);
});

test("a wrong password gets one clear message and no session", async ({ page }) => {
  await signIn(page, "learner@example.com", "not-the-password");
  await expect(page.getByText("Email or password is incorrect.")).toHaveRole("alert");
  await page.goto("/roadmap");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Froadmap/);
});

test("a signed-out session cannot be replayed", async ({ page, context }) => {
  await signIn(page, "learner@example.com");
  await expect(page).toHaveURL(/\/roadmap$/);
  const cookies = await context.cookies();
  await signOut(page);
  await context.addCookies(cookies);
  await page.goto("/roadmap");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown email and a wrong password get the same answer", async ({ page }) => {
  await signIn(page, "nobody@example.com", "whatever-it-is");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
});

test("repeated wrong passwords are slowed down, and the right one is refused too while limited", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    await page.getByLabel("Email").fill("jonas.becker@example.com");
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many attempts. Wait a few minutes, then try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a callbackUrl that resolves to another site lands on Cairn, from the form and from the server", async ({ page, baseURL }) => {
  const cairn = new URL(baseURL!).origin;
  // The sign-in form follows the checked target once the password is accepted.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/a/..//evil.example")}`);
  await page.getByLabel("Email").fill("learner@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/roadmap$/);
  expect(new URL(page.url()).origin).toBe(cairn);

  // Signed in, /login redirects on the server at once; the same check applies to the Location it answers with.
  for (const target of ["/a/..//evil.example", "/%2e%2e//evil.example", "/%2f%2fevil.example", "/\\evil.example", "https://evil.example/"]) {
    const response = await page.request.get(`/login?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(response.status(), target).toBe(307);
    expect(new URL(response.headers().location!, cairn).href, target).toBe(`${cairn}/`);
  }
});

test.describe("before the page's script has loaded", () => {
  test.use({ javaScriptEnabled: false });

  test("submitting the form never puts the password in the address", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("learner@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(page.url()).not.toContain(PASSWORD);
    expect(page.url()).not.toContain("password");
  });

  test("asking for a reset link never puts the address in the address bar", async ({ page }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("learner@example.com");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
    expect(page.url()).toMatch(/\/forgot-password$/);
  });
});
