// docs/security.md #15 and #36: a redirect target from input resolves, as a browser resolves it, to a path on Cairn or
// is replaced by the fallback.
import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "@/lib/redirects";

const CAIRN = "https://cairn.example.org";

describe("safeRedirectPath", () => {
  it.each([
    ["/roadmap?cohort=1#phase-2", "/roadmap?cohort=1#phase-2"],
    ["/", "/"],
    ["/invite/AbC-_123", "/invite/AbC-_123"],
    ["/reviews?learner=Ana%20B&phase=p1", "/reviews?learner=Ana%20B&phase=p1"],
    // Dot segments that stay on-site resolve the way the browser would.
    ["/cohorts/x/../members", "/cohorts/members"],
    ["/roadmap/./item", "/roadmap/item"],
    // An encoded slash in the query cannot change the origin.
    ["/login?next=%2F%2Fevil.example", "/login?next=%2F%2Fevil.example"],
    ["/roadmap/é", "/roadmap/%C3%A9"],
  ])("keeps the on-site path %s as %s", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  const offSite = [
    // Scheme-relative, and the browser's backslash-as-slash.
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    // Absolute URLs and schemes.
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    // Dot segments that resolve to "//host".
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "/..//evil.example",
    // Encoded dots, slashes and backslashes, once or twice.
    "/a/%2e%2e//evil.example",
    "/a/%2E%2E/%2F/evil.example",
    "/%2e%2e%2f%2fevil.example",
    "/%2f%2fevil.example",
    "/%2F/evil.example",
    "/%5cevil.example",
    "/%5Cevil.example",
    "/%252f%252fevil.example",
    "/a/.%2e//evil.example",
    // Whitespace and control characters the parser drops or trims.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "/\u0000/evil.example",
    "/\u007f",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\ufeff/evil.example",
    " //evil.example",
    "/roadmap?x=\t",
    // Not paths at all.
    "",
    "roadmap",
    "?callbackUrl=/",
    "#top",
    null,
    undefined,
    ["/roadmap"],
    `/${"a".repeat(3000)}`,
  ];

  it.each(offSite.map((value) => [JSON.stringify(value)?.slice(0, 60), value]))("sends %s home", (_, value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it.each([
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "/a/%2e%2e//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
  ])("refuses %j, which a browser on Cairn really resolves to another site", (value) => {
    // The WHATWG parser (the browser's): another origin at once, or a path "//host" that, handed on as a
    // Location, is a scheme-relative URL of another site.
    const resolved = new URL(value, CAIRN);
    expect(resolved.origin !== CAIRN || new URL(resolved.pathname, CAIRN).origin !== CAIRN).toBe(true);
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirectPath("//evil.example", "/welcome")).toBe("/welcome");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  it.each([
    ["/roadmap", `${CAIRN}/roadmap`],
    [`${CAIRN}/reviews?cohort=1`, `${CAIRN}/reviews?cohort=1`],
    [`${CAIRN}/a/..//evil.example`, `${CAIRN}/`],
    [`${CAIRN}/%2f%2fevil.example`, `${CAIRN}/`],
    ["/a/..//evil.example", `${CAIRN}/`],
    ["https://evil.example/", `${CAIRN}/`],
    ["https://cairn.example.org.evil.example/", `${CAIRN}/`],
    ["http://cairn.example.org/roadmap", `${CAIRN}/`],
    [`${CAIRN}\t/roadmap`, `${CAIRN}/`],
    ["//evil.example", `${CAIRN}/`],
    ["not a url", `${CAIRN}/`],
  ])("turns %s into %s", (url, expected) => {
    expect(safeRedirectUrl(url, CAIRN)).toBe(expected);
  });
});
