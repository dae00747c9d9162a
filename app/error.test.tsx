import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import { buttonVariants } from "@/components/ui/button-variants";

describe("the error page", () => {
  it("offers to try again with a button that looks like every other primary button", () => {
    const html = renderToStaticMarkup(<ErrorPage error={Object.assign(new Error("boom"), { digest: "d1g3st" })} reset={() => {}} />);
    const button = /<button type="button" class="([^"]*)">Try again<\/button>/.exec(html);
    expect(button, html).not.toBeNull();
    expect(button![1]!.replaceAll("&#x27;", "'").replaceAll("&amp;", "&")).toBe(buttonVariants());
    expect(html).toContain("d1g3st");
  });
});
