import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "@/e2e/support/fixtures";
import { E2E_OIDC } from "@/e2e/support/oidc-config";

// People sign in with the identity provider their organisation already runs: a real OpenID Connect provider
// (e2e/support/oidc-provider.ts) that takes any login as the email address it vouches for. Accounts match only on
// a verified email; strangers get in only through an invite or a domain an admin allowed (docs/security.md #45, #46).
const BUTTON = `Continue with ${E2E_OIDC.name}`;
const DOMAIN = "sso-allowed.example";
const COHORT = "MLOps Cohort 2027";

/** Signs in at the test provider's own login page, which the button led to. */
async function signInAtProvider(page: Page, email: string) {
  await page.getByPlaceholder("Enter any login").fill(email);
  await page.getByPlaceholder("and password").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function continueWithProvider(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: BUTTON }).click();
  await signInAtProvider(page, email);
}

test("people sign in with the organisation's identity provider, and only those Cairn knows or lets in", async ({ browser, signedInPage }) => {
  test.setTimeout(240_000);
  const fresh = async () => (await browser.newContext()).newPage();

  // The admin sees the configured provider (never its secret) and lets one domain sign up by itself.
  const admin = await signedInPage("admin");
  await admin.getByRole("navigation").getByRole("link", { name: "Sign-in methods" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Sign-in methods" })).toBeVisible();
  await expect(admin.getByText(`client ${E2E_OIDC.clientId}`)).toBeVisible();
  await expect(admin.getByText(E2E_OIDC.clientSecret)).toHaveCount(0);
  await admin.getByLabel(/Self-sign-up domains/).fill("not a domain!");
  await admin.getByRole("button", { name: "Save sign-in methods" }).click();
  await expect(admin.getByText(/Not a domain name: not/)).toBeVisible();
  await admin.getByLabel(/Self-sign-up domains/).fill(`@${DOMAIN.toUpperCase()}`);
  await admin.getByRole("button", { name: "Save sign-in methods" }).click();
  await expect(admin.getByText("Sign-in methods saved").first()).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel(/Self-sign-up domains/)).toHaveValue(DOMAIN);

  // Someone Cairn knows signs in and lands on their roadmap.
  const learner = await fresh();
  await continueWithProvider(learner, "learner@example.com");
  await expect(learner).toHaveURL(/\/roadmap/);
  await expect(learner.getByRole("heading", { level: 1 })).toBeVisible();

  // A stranger is refused in words, on the login page.
  const stranger = await fresh();
  await continueWithProvider(stranger, "stranger@elsewhere.example");
  await expect(stranger).toHaveURL(/\/login/);
  await expect(stranger.getByRole("alert").filter({ hasText: /There is no Cairn account for this email address/ })).toBeVisible();

  // An address the provider has not verified matches nobody, not even a known account.
  const unverified = await fresh();
  await continueWithProvider(unverified, "unverified.learner@example.com");
  await expect(unverified.getByRole("alert").filter({ hasText: /has not confirmed your email address/ })).toBeVisible();

  // Someone at the allowed domain gets a plain account and lands on the welcome page.
  const newcomer = await fresh();
  await continueWithProvider(newcomer, `noor@${DOMAIN}`);
  await expect(newcomer).toHaveURL(/\/welcome/);

  // A mentor's invite link takes a stranger into the cohort, the use counted.
  const mentor = await signedInPage("mentor");
  await mentor.goto("/cohorts");
  await mentor.getByRole("link", { name: COHORT }).first().click();
  await mentor.getByRole("navigation", { name: "Cohort" }).getByRole("link", { name: "Members" }).click();
  await mentor.getByLabel("Joins as").selectOption("learner");
  await mentor.getByLabel("Uses").fill("1");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = await mentor.getByLabel("Invite link", { exact: true }).inputValue();
  const invited = await fresh();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: `Join ${COHORT}` })).toBeVisible();
  await invited.getByRole("button", { name: BUTTON }).click();
  await signInAtProvider(invited, "kai@invited.example");
  // Home for a learner of one cohort is its roadmap.
  await expect(invited).toHaveURL(/\/roadmap/);
  await expect(invited.getByText(COHORT).first()).toBeVisible();
  await mentor.reload();
  await mentor.getByText(/Used up, expired and revoked links/).click();
  await expect(mentor.getByRole("list", { name: "Inactive invite links" })).toContainText("Used 1 of 1");

  // A deactivated person is told so.
  await admin.goto("/admin/users");
  await admin.getByLabel("Name or email").fill(`noor@${DOMAIN}`);
  await admin.getByRole("button", { name: "Show people" }).click();
  await admin.getByRole("button", { name: "Deactivate: SSO noor" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByRole("listitem", { name: "SSO noor" }).getByText("Deactivated", { exact: true })).toBeVisible();
  const deactivated = await fresh();
  await continueWithProvider(deactivated, `noor@${DOMAIN}`);
  await expect(deactivated.getByRole("alert").filter({ hasText: /This account is deactivated/ })).toBeVisible();
});

test("with only single sign-on allowed, the login page has no password form", async ({ browser, signedInPage }) => {
  test.setTimeout(90_000);
  const admin = await signedInPage("admin");
  await admin.goto("/admin/sign-in");
  const ssoOnly = admin.getByRole("checkbox", { name: "Only allow single sign-on" });
  await ssoOnly.check();
  await admin.getByRole("button", { name: "Save sign-in methods" }).click();
  await expect(admin.getByText("Sign-in methods saved").first()).toBeVisible();
  try {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/login");
    await expect(visitor.getByRole("button", { name: BUTTON })).toBeVisible();
    await expect(visitor.getByLabel("Password")).toHaveCount(0);
    // Admins keep their password as the way back in (docs/decisions/057).
    await visitor.getByRole("link", { name: "Sign in with your password" }).click();
    await visitor.getByLabel("Email").fill("learner@example.com");
    await visitor.getByLabel("Password").fill(DEMO_PASSWORD);
    await visitor.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(visitor.getByRole("alert").filter({ hasText: /only allows single sign-on/ })).toBeVisible();
  } finally {
    await admin.reload();
    await admin.getByRole("checkbox", { name: "Only allow single sign-on" }).uncheck();
    await admin.getByRole("button", { name: "Save sign-in methods" }).click();
    await expect(admin.getByText("Sign-in methods saved").first()).toBeVisible();
  }
});
