import type {
  ChangeKind,
  ItemField,
  LearnerChangeCounts,
  RoadmapDocument,
  RoadmapMilestone,
  RoadmapProject,
  VersionChange,
} from "@/lib/features/roadmaps/types";

// Pure and isomorphic, like utils.ts: the publish dialog (a client component) renders what this returns.

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Keys (of `order`) that are not on a longest common subsequence with `previous`: the fewest items that moved. */
function movedKeys(previous: readonly string[], order: readonly string[]): string[] {
  const shared = new Set(previous.filter((key) => order.includes(key)));
  const a = previous.filter((key) => shared.has(key));
  const b = order.filter((key) => shared.has(key));
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i += 1;
      j += 1;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return b.filter((key) => !kept.has(key));
}

const MILESTONE_FIELDS = ["description", "doneWhen", "resources", "evidence", "reviewRequired", "effortHours"] as const;
const PROJECT_FIELDS = ["description", "doneWhen", "evidence", "reviewRequired", "milestoneKeys"] as const;

function editedFields<T>(before: T, after: T, fields: readonly (keyof T & ItemField)[]): ItemField[] {
  return fields.filter((field) => !same(before[field], after[field]));
}

type Located = { kind: ChangeKind; key: string; title: string; phase: string | null };

function items(document: RoadmapDocument) {
  const phases = new Map(document.phases.map((phase) => [phase.key, phase]));
  const milestones = new Map<string, RoadmapMilestone & { phase: string }>();
  for (const phase of document.phases) for (const milestone of phase.milestones) milestones.set(milestone.key, { ...milestone, phase: phase.key });
  const projects = new Map<string, RoadmapProject>(document.projects.map((project) => [project.key, project]));
  return { phases, milestones, projects };
}

/**
 * Everything that differs between two versions, item by item and field by field: added and archived (live before,
 * not live now) phases, milestones and projects, renames, edited fields, moves within a list or to another phase,
 * and the weekly rule, success criteria, title, goal and notes. `previous` null is a roadmap's first version.
 */
export function diffVersions(previous: RoadmapDocument | null, next: RoadmapDocument): VersionChange[] {
  const before = items(previous ?? { title: "", slug: "", summary: "", phases: [], projects: [], weeklyRule: [], criteria: [], notes: [] });
  const after = items(next);
  const changes: VersionChange[] = [];
  const phaseTitle = (key: string) => after.phases.get(key)?.title ?? before.phases.get(key)?.title ?? key;
  const everyItem: Located[] = [
    ...next.phases.map((phase) => ({ kind: "phase" as const, key: phase.key, title: phase.title, phase: null })),
    ...[...after.milestones.values()].map((m) => ({ kind: "milestone" as const, key: m.key, title: m.title, phase: m.phase })),
    ...next.projects.map((project) => ({ kind: "project" as const, key: project.key, title: project.title, phase: null })),
  ];
  const earlier = (kind: ChangeKind, key: string) =>
    kind === "phase" ? before.phases.get(key) : kind === "milestone" ? before.milestones.get(key) : before.projects.get(key);
  for (const { kind, key, title } of everyItem) {
    const old = earlier(kind, key);
    if (!old) {
      changes.push({ change: "added", kind, key, title });
      continue;
    }
    if (old.title !== title) changes.push({ change: "renamed", kind, key, title, from: old.title });
    const fields =
      kind === "phase"
        ? before.phases.get(key)!.description !== after.phases.get(key)!.description
          ? (["description"] as ItemField[])
          : []
        : kind === "milestone"
          ? editedFields(before.milestones.get(key)!, after.milestones.get(key)!, MILESTONE_FIELDS)
          : editedFields(before.projects.get(key)!, after.projects.get(key)!, PROJECT_FIELDS);
    if (fields.length > 0) changes.push({ change: "edited", kind, key, title, fields });
  }
  for (const [key, phase] of before.phases) if (!after.phases.has(key)) changes.push({ change: "archived", kind: "phase", key, title: phase.title });
  for (const [key, m] of before.milestones) if (!after.milestones.has(key)) changes.push({ change: "archived", kind: "milestone", key, title: m.title });
  for (const [key, p] of before.projects) if (!after.projects.has(key)) changes.push({ change: "archived", kind: "project", key, title: p.title });

  // Moves: a milestone in another phase moved between phases; otherwise the fewest items that explain a new order.
  const moved = (kind: ChangeKind, keys: string[], title: (key: string) => string) => {
    for (const key of keys) changes.push({ change: "moved", kind, key, title: title(key), fromPhase: null, toPhase: null });
  };
  moved("phase", movedKeys([...before.phases.keys()], [...after.phases.keys()]), phaseTitle);
  for (const [key, m] of after.milestones) {
    const old = before.milestones.get(key);
    if (old && old.phase !== m.phase) {
      changes.push({ change: "moved", kind: "milestone", key, title: m.title, fromPhase: phaseTitle(old.phase), toPhase: phaseTitle(m.phase) });
    }
  }
  for (const phase of next.phases) {
    const inPhase = (list: Map<string, { phase: string }>) => [...list].filter(([, m]) => m.phase === phase.key).map(([key]) => key);
    moved("milestone", movedKeys(inPhase(before.milestones), inPhase(after.milestones)), (key) => after.milestones.get(key)!.title);
  }
  moved("project", movedKeys([...before.projects.keys()], [...after.projects.keys()]), (key) => after.projects.get(key)!.title);

  const oldRule = previous?.weeklyRule ?? [];
  const rule = {
    added: next.weeklyRule.filter((line) => !oldRule.includes(line)),
    removed: oldRule.filter((line) => !next.weeklyRule.includes(line)),
  };
  const ruleReordered = rule.added.length === 0 && rule.removed.length === 0 && !same(oldRule, next.weeklyRule);
  if (previous && (rule.added.length > 0 || rule.removed.length > 0 || ruleReordered)) {
    changes.push({ change: "weekly-rule", ...rule, reordered: ruleReordered });
  }

  const oldCriteria = new Map((previous?.criteria ?? []).map((criterion) => [criterion.key, criterion.text]));
  const newCriteria = new Map(next.criteria.map((criterion) => [criterion.key, criterion.text]));
  const criteria = {
    added: next.criteria.filter((criterion) => !oldCriteria.has(criterion.key)).map((criterion) => criterion.text),
    removed: [...oldCriteria].filter(([key]) => !newCriteria.has(key)).map(([, text]) => text),
    reworded: next.criteria
      .filter((criterion) => oldCriteria.has(criterion.key) && oldCriteria.get(criterion.key) !== criterion.text)
      .map((criterion) => ({ from: oldCriteria.get(criterion.key)!, to: criterion.text })),
  };
  if (previous && (criteria.added.length > 0 || criteria.removed.length > 0 || criteria.reworded.length > 0)) {
    changes.push({ change: "criteria", ...criteria });
  }

  if (previous) {
    const fields = (["title", "summary", "notes"] as const).filter((field) => !same(previous[field], next[field]));
    if (fields.length > 0) changes.push({ change: "details", fields });
  }
  return changes;
}

/** What a move changes for a learner: milestone and project changes only, counted by type. */
export function countLearnerChanges(changes: readonly VersionChange[]): LearnerChangeCounts {
  const counts: LearnerChangeCounts = { added: 0, archived: 0, renamed: 0, edited: 0, moved: 0 };
  for (const change of changes) {
    if ("kind" in change && change.kind !== "phase") counts[change.change] += 1;
  }
  return counts;
}

const COUNT_WORDS: [keyof LearnerChangeCounts, string][] = [
  ["added", "added"],
  ["archived", "removed"],
  ["renamed", "renamed"],
  ["edited", "updated"],
  ["moved", "moved"],
];

/** "2 milestones added, 1 renamed" — the first count names its noun, the rest share it; "" when nothing changed. */
export function describeLearnerChanges(counts: LearnerChangeCounts): string {
  const parts = COUNT_WORDS.filter(([field]) => counts[field] > 0).map(([field, word], index) =>
    index === 0 ? `${counts[field]} ${counts[field] === 1 ? "milestone" : "milestones"} ${word}` : `${counts[field]} ${word}`,
  );
  return parts.join(", ");
}

export const FIELD_LABELS: Record<ItemField, string> = {
  description: "description",
  doneWhen: "“Done when”",
  resources: "resources",
  evidence: "evidence",
  reviewRequired: "review required",
  effortHours: "target hours",
  milestoneKeys: "demonstrated milestones",
};

const list = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;

const quote = (text: string) => `“${text}”`;

/** One change in words, as the publish dialog lists it. */
export function describeChange(change: VersionChange): string {
  switch (change.change) {
    case "added":
      return `Added ${quote(change.title)}`;
    case "archived":
      return `Archived ${quote(change.title)}`;
    case "renamed":
      return `Renamed ${quote(change.from)} → ${quote(change.title)}`;
    case "edited":
      return `${quote(change.title)}: ${list(change.fields.map((field) => FIELD_LABELS[field]))} changed`;
    case "moved":
      return change.fromPhase !== null && change.toPhase !== null
        ? `Moved ${quote(change.title)} from ${quote(change.fromPhase)} to ${quote(change.toPhase)}`
        : `Moved ${quote(change.title)} within its list`;
    case "weekly-rule":
      return [
        ...change.added.map((line) => `Added ${quote(line)}`),
        ...change.removed.map((line) => `Removed ${quote(line)}`),
        ...(change.reordered ? ["Reordered"] : []),
      ].join("; ");
    case "criteria":
      return [
        ...change.added.map((text) => `Added ${quote(text)}`),
        ...change.removed.map((text) => `Removed ${quote(text)}`),
        ...change.reworded.map(({ from, to }) => `Reworded ${quote(from)} → ${quote(to)}`),
      ].join("; ");
    case "details":
      return `${list(change.fields.map((field) => ({ title: "title", summary: "goal", notes: "notes" })[field]))} changed`.replace(/^./, (first) => first.toUpperCase());
  }
}
