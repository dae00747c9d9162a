import { describe, expect, it } from "vitest";
import { moveTargets } from "@/lib/features/cohorts/components/version-move";
import type { VersionOption } from "@/lib/features/cohorts/types";

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
