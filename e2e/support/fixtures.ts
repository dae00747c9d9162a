// Cairn's journeys start signed in: `signIn` signs the test's page in through the form, as a person does;
// `signedInPage` is a second person at another computer (a browser context of their own, closed when the test
// ends). Only e2e/sign-in.spec.ts types into the form itself, because the form is what it tests.
import { expect, test as base, type Page } from "@playwright/test";

/** Every demo account's password. */
export const DEMO_PASSWORD = "cairn-demo";

/** The demo seed's people, by role. */
const DEMO_ACCOUNTS = {
  learner: "learner@example.com",
  mentor: "mentor@example.com",
  admin: "admin@example.com",
} as const;

/** A demo role ("learner", "mentor", "admin"), or the email of any account the demo seed or the journey created. */
type Who = string;

type SignInOptions = { password?: string; /** Where the person should land; by default anywhere but /login. */ home?: RegExp };

type SignInFixtures = {
  signIn: (who: Who, options?: SignInOptions) => Promise<Page>;
  signedInPage: (who: Who, options?: SignInOptions) => Promise<Page>;
};

async function signInWithForm(page: Page, who: Who, { password = DEMO_PASSWORD, home }: SignInOptions = {}) {
  const email = who.includes("@") ? who : DEMO_ACCOUNTS[who as keyof typeof DEMO_ACCOUNTS];
  if (!email) throw new Error(`signIn("${who}"): not an email, nor one of ${Object.keys(DEMO_ACCOUNTS).join(", ")}`);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (home) await expect(page).toHaveURL(home);
  else await expect(page).not.toHaveURL(/\/login/);
  return page;
}

export const test = base.extend<SignInFixtures>({
  signIn: async ({ page }, provide) => {
    await provide((who, options) => signInWithForm(page, who, options));
  },
  signedInPage: async ({ browser }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (who, options) => {
      const context = await browser.newContext();
      contexts.push(context);
      return signInWithForm(await context.newPage(), who, options);
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
