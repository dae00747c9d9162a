import { describe, expect, it } from "vitest";
import type { RoadmapDocument, RoadmapMilestone, VersionChange } from "@/lib/features/roadmaps/types";
import { describeChanges, diffDocuments } from "@/lib/features/roadmaps/utils";
import {
  countLearnerChanges,
  describeChange,
  describeLearnerChanges,
  diffVersions,
} from "@/lib/features/roadmaps/version-diff";

function milestone(key: string, title = key.toUpperCase()): RoadmapMilestone {
  return { key, title, description: "", doneWhen: ["It works"], resources: [], evidence: "optional", reviewRequired: false, effortHours: null };
}

function roadmap(): RoadmapDocument {
  return {
    title: "MLOps",
    slug: "mlops",
    summary: "Ship models.",
    phases: [
      { key: "basics", title: "Basics", description: "", milestones: [milestone("a"), milestone("b"), milestone("c")] },
      { key: "deploy", title: "Deploy", description: "", milestones: [milestone("d")] },
    ],
    projects: [
      { key: "p1", title: "Project one", description: "", doneWhen: ["Done"], evidence: "required", reviewRequired: true, milestoneKeys: ["a"] },
      { key: "p2", title: "Project two", description: "", doneWhen: ["Done"], evidence: "required", reviewRequired: true, milestoneKeys: [] },
    ],
    weeklyRule: ["1 day: learn", "4 days: build"],
    criteria: [{ key: "ships", text: "Ships a model" }],
    notes: [],
  };
}

/** The previous version, edited by `edit`, compared with it; the descriptions are what the publish dialog lists. */
function changesAfter(edit: (next: RoadmapDocument) => void): VersionChange[] {
  const next = structuredClone(roadmap());
  edit(next);
  return diffVersions(roadmap(), next);
}

const words = (changes: VersionChange[]) => changes.map(describeChange);

describe("diffVersions", () => {
  it("finds no change between identical versions", () => {
    expect(diffVersions(roadmap(), roadmap())).toEqual([]);
  });

  it("lists every item of a first version as added", () => {
    const changes = diffVersions(null, roadmap());
    expect(changes.every((change) => change.change === "added")).toBe(true);
    expect(changes).toHaveLength(2 + 4 + 2);
  });

  it("names added and archived items", () => {
    const changes = changesAfter((next) => {
      next.phases[1]!.milestones.push(milestone("e", "Monitoring"));
      next.phases[0]!.milestones.splice(1, 1);
    });
    expect(words(changes)).toEqual(["Added “Monitoring”", "Archived “B”"]);
    expect(changes.map((change) => "kind" in change && change.kind)).toEqual(["milestone", "milestone"]);
  });

  it("says a title edit as a rename from the old title to the new one", () => {
    const changes = changesAfter((next) => {
      next.phases[0]!.milestones[0]!.title = "Python basics";
    });
    expect(words(changes)).toEqual(["Renamed “A” → “Python basics”"]);
  });

  it("names each edited field of a milestone: description, Done when, resources, review required, target", () => {
    const changes = changesAfter((next) => {
      const a = next.phases[0]!.milestones[0]!;
      a.description = "Now with more detail.";
      a.doneWhen = ["It works", "It is tested"];
      a.resources = [{ label: "Docs", url: "https://example.com" }];
      a.reviewRequired = true;
      a.effortHours = 6;
    });
    expect(changes).toEqual([
      { change: "edited", kind: "milestone", key: "a", title: "A", fields: ["description", "doneWhen", "resources", "reviewRequired", "effortHours"] },
    ]);
    expect(words(changes)).toEqual(["“A”: description, “Done when”, resources, review required and target hours changed"]);
  });

  it("names a project's changed demonstrated milestones and evidence", () => {
    const changes = changesAfter((next) => {
      next.projects[0]!.milestoneKeys = ["a", "b"];
      next.projects[0]!.evidence = "optional";
    });
    expect(words(changes)).toEqual(["“Project one”: evidence and demonstrated milestones changed"]);
  });

  it("finds the one milestone moved within its phase, not every one whose index changed", () => {
    const changes = changesAfter((next) => {
      const [a, b, c] = next.phases[0]!.milestones;
      next.phases[0]!.milestones = [c!, a!, b!];
    });
    expect(changes).toEqual([{ change: "moved", kind: "milestone", key: "c", title: "C", fromPhase: null, toPhase: null }]);
    expect(words(changes)).toEqual(["Moved “C” within its list"]);
  });

  it("says which phases a milestone moved between", () => {
    const changes = changesAfter((next) => {
      const [b] = next.phases[0]!.milestones.splice(1, 1);
      next.phases[1]!.milestones.unshift(b!);
    });
    expect(words(changes)).toEqual(["Moved “B” from “Basics” to “Deploy”"]);
  });

  it("finds reordered phases and projects", () => {
    const changes = changesAfter((next) => {
      next.phases.reverse();
      next.projects.reverse();
    });
    expect(changes.map((change) => "kind" in change && [change.change, change.kind])).toEqual([
      ["moved", "phase"],
      ["moved", "project"],
    ]);
  });

  it("lists weekly rule lines added and removed, and a reorder on its own", () => {
    expect(words(changesAfter((next) => (next.weeklyRule = ["1 day: learn", "3 days: build", "1 day: write"])))).toEqual([
      "Added “3 days: build”; Added “1 day: write”; Removed “4 days: build”",
    ]);
    expect(changesAfter((next) => next.weeklyRule.reverse())).toEqual([{ change: "weekly-rule", added: [], removed: [], reordered: true }]);
  });

  it("lists success criteria added, removed and reworded by key", () => {
    const changes = changesAfter((next) => {
      next.criteria = [
        { key: "ships", text: "Ships a model to production" },
        { key: "explains", text: "Explains a trade-off" },
      ];
    });
    expect(words(changes)).toEqual(["Added “Explains a trade-off”; Reworded “Ships a model” → “Ships a model to production”"]);
    expect(words(changesAfter((next) => (next.criteria = [])))).toEqual(["Removed “Ships a model”"]);
  });

  it("notes a new title, goal or notes of the roadmap itself", () => {
    const changes = changesAfter((next) => {
      next.title = "MLOps 2027";
      next.summary = "Ship better models.";
    });
    expect(words(changes)).toEqual(["Title and goal changed"]);
  });
});

describe("describeLearnerChanges", () => {
  it("counts milestone and project changes, never phases, in one short line", () => {
    const changes = changesAfter((next) => {
      next.phases[1]!.milestones.push(milestone("e"), milestone("f"));
      next.phases[0]!.milestones[0]!.title = "Python basics";
      next.phases[0]!.title = "Foundations";
    });
    const counts = countLearnerChanges(changes);
    expect(counts).toEqual({ added: 2, archived: 0, renamed: 1, edited: 0, moved: 0 });
    expect(describeLearnerChanges(counts)).toBe("2 milestones added, 1 renamed");
  });

  it("says one milestone in the singular, and nothing when nothing changed", () => {
    expect(describeLearnerChanges({ added: 0, archived: 1, renamed: 0, edited: 3, moved: 0 })).toBe("1 milestone removed, 3 updated");
    expect(describeLearnerChanges({ added: 0, archived: 0, renamed: 0, edited: 0, moved: 0 })).toBe("");
  });
});

describe("the publish bar's line", () => {
  it("counts the dialog's changes when none adds, changes or archives an item, instead of saying there are none", () => {
    const next = structuredClone(roadmap());
    next.phases.reverse();
    next.weeklyRule.push("1 hour: reflect");
    expect(describeChanges(diffDocuments(roadmap(), next), diffVersions(roadmap(), next).length)).toBe("2 edits");
    expect(describeChanges(diffDocuments(roadmap(), roadmap()), 0)).toBe("No changes");
    next.phases[0]!.milestones.push(milestone("e"));
    expect(describeChanges(diffDocuments(roadmap(), next), diffVersions(roadmap(), next).length)).toBe("1 added");
  });
});
