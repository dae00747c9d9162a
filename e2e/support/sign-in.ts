// Signing in through the form, as a person does; the journeys start here.
import { expect, type Browser, type Page } from "@playwright/test";

/** Every demo account's password. */
export const DEMO_PASSWORD = "cairn-demo";

type SignInOptions = { password?: string; /** Where the person should land; by default anywhere but /login. */ home?: RegExp };

export async function signInWithForm(page: Page, email: string, { password = DEMO_PASSWORD, home }: SignInOptions = {}) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (home) await expect(page).toHaveURL(home);
  else await expect(page).not.toHaveURL(/\/login/);
}

/** A fresh browser context (its own cookies) signed in as `email`: a second person at another computer. */
export async function newSignedInPage(browser: Browser, email: string, options: SignInOptions = {}): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithForm(page, email, options);
  return page;
}
