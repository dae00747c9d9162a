import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has hydrated the element (it carries React's fiber once it has). Typing into a form that is
 * still server HTML races hydration: the selection `fill` makes can be reset midway, and the text lands in front of
 * what was there.
 */
export async function hydrated(element: Locator): Promise<Locator> {
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber$"))), {
      message: "the element was never hydrated",
    })
    .toBe(true);
  return element;
}
