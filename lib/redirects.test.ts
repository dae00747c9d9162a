import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/redirects";

describe("safeRedirectPath", () => {
  it("keeps on-site paths with their query", () => {
    expect(safeRedirectPath("/roadmap?cohort=1#phase-2")).toBe("/roadmap?cohort=1#phase-2");
  });

  it.each(["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", null, "/\t/evil.example"])(
    "sends %s home instead of off-site",
    (value) => {
      expect(safeRedirectPath(value)).toBe("/");
    },
  );
});
