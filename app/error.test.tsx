import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import { buttonVariants } from "@/components/ui/button-variants";

// What a primary button's classes do that a text-only button which is never disabled has no use for.
const UNUSED_BY_TEXT_BUTTON = [
  "shrink-0",
  "gap-2",
  "select-none",
  "disabled:pointer-events-none",
  "disabled:opacity-50",
  "aria-disabled:pointer-events-none",
  "aria-disabled:opacity-50",
  "[&_svg]:pointer-events-none",
  "[&_svg]:shrink-0",
  "[&_svg:not([class*='size-'])]:size-4",
];

describe("the error page", () => {
  it("offers to try again with a button that looks like every other primary button", () => {
    const html = renderToStaticMarkup(<ErrorPage error={Object.assign(new Error("boom"), { digest: "d1g3st" })} reset={() => {}} />);
    const button = /<button type="button" class="([^"]*)">Try again<\/button>/.exec(html);
    expect(button, html).not.toBeNull();
    const classes = button![1]!.split(" ");
    const primary = buttonVariants().split(" ");
    expect(classes.filter((name) => !primary.includes(name))).toEqual([]);
    expect(primary.filter((name) => !classes.includes(name))).toEqual(UNUSED_BY_TEXT_BUTTON);
    expect(html).toContain("d1g3st");
  });
});
