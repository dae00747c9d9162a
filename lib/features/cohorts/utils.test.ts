import { describe, expect, it } from "vitest";
import { diffVersionItems } from "@/lib/features/cohorts/utils";
import type { MoveItem } from "@/lib/features/cohorts/types";

const item = (key: string, title = key.toUpperCase(), kind: MoveItem["kind"] = "milestone"): MoveItem => ({
  key,
  title,
  kind,
  phaseTitle: kind === "milestone" ? "Phase" : null,
});

describe("diffVersionItems", () => {
  it("splits keys into kept (in target order, with renames), new and dropped", () => {
    const diff = diffVersionItems([item("a"), item("b"), item("c"), item("p", "P", "project")], [item("c"), item("a", "A renamed"), item("d"), item("p", "P", "project")]);
    expect(diff.kept).toEqual([
      { ...item("c"), previousTitle: null },
      { ...item("a", "A renamed"), previousTitle: "A" },
      { ...item("p", "P", "project"), previousTitle: null },
    ]);
    expect(diff.added).toEqual([item("d")]);
    expect(diff.dropped).toEqual([item("b")]);
  });

  it("handles identical and disjoint versions", () => {
    expect(diffVersionItems([item("a")], [item("a")])).toEqual({ kept: [{ ...item("a"), previousTitle: null }], added: [], dropped: [] });
    expect(diffVersionItems([item("a")], [item("b")])).toEqual({ kept: [], added: [item("b")], dropped: [item("a")] });
  });
});
