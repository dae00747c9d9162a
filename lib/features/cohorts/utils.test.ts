import { describe, expect, it } from "vitest";
import { diffVersionItems, moveTargets } from "@/lib/features/cohorts/utils";
import type { MoveItem, VersionOption } from "@/lib/features/cohorts/types";

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

describe("moveTargets", () => {
  const version = (roadmap: string, number: number): VersionOption => ({
    id: `${roadmap}-${number}`,
    roadmapId: roadmap,
    roadmapName: roadmap === "a" ? "Another roadmap" : "MLOps Roadmap 2026",
    number,
    title: `Version ${number}`,
    status: "published",
  });

  it("starts on the newest version of the cohort's own roadmap, listed before other roadmaps", () => {
    // Options arrive sorted by roadmap name: "Another roadmap" first.
    const options = [version("a", 1), version("m", 3), version("m", 2), version("m", 1)];
    const { targets, initial } = moveTargets(version("m", 1), options);
    expect(initial).toBe("m-3");
    expect(targets.map((target) => target.id)).toEqual(["m-3", "m-2", "a-1"]);
  });

  it("offers another roadmap only when the cohort's own has no other version, and nothing when there is none", () => {
    expect(moveTargets(version("m", 1), [version("a", 2), version("m", 1)]).initial).toBe("a-2");
    expect(moveTargets(version("m", 1), [version("m", 1)])).toEqual({ targets: [], initial: "" });
  });
});
