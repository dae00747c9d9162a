import { describe, expect, it } from "vitest";
import { generateDataset, rowCounts, type DatasetSpec } from "@/scripts/lib/bench/dataset";

const items = Array.from({ length: 30 }, (_, index) => ({
  key: `item-${index + 1}`,
  reviewRequired: index % 3 === 2,
  evidence: index % 3 === 2 ? ("required" as const) : ("optional" as const),
}));

const spec = (overrides: Partial<DatasetSpec> = {}): DatasetSpec => ({
  learners: 12,
  mentors: 3,
  seed: 7,
  today: new Date("2026-12-04T00:00:00Z"),
  versionId: "0192f0a0-0000-7000-8000-000000000001",
  items,
  projectKeys: ["project-1", "project-2"],
  passwordHash: "hash",
  ...overrides,
});

describe("generateDataset", () => {
  it("builds the same rows, ids included, from the same seed", () => {
    expect(generateDataset(spec())).toEqual(generateDataset(spec()));
  });

  it("builds a different history from another seed", () => {
    expect(generateDataset(spec({ seed: 8 })).tables.progress).not.toEqual(generateDataset(spec()).tables.progress);
  });

  it("keeps each learner the same person at every size, so pages compare across sizes", () => {
    const small = generateDataset(spec({ learners: 3 }));
    const large = generateDataset(spec({ learners: 12 }));
    const first = (dataset: typeof small) => dataset.tables.progress.filter((row) => row.membership_id === dataset.learners[0]!.membershipId);
    expect(first(large)).toEqual(first(small));
  });

  it("gives every learner a history: milestones touched, attempts with links, reviews, weekly check-ins", () => {
    const dataset = generateDataset(spec({ learners: 40 }));
    const counts = rowCounts(dataset);
    expect(counts.users).toBe(43);
    expect(counts.memberships).toBe(43);
    const share = dataset.tables.progress.filter((row) => items.some((item) => item.key === row.item_key)).length / (40 * items.length);
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
    expect(counts.submission_links).toBeGreaterThanOrEqual(counts.submissions);
    expect(dataset.tables.submissions.some((row) => row.status === "pending")).toBe(true);
    expect(dataset.tables.reviews.some((row) => row.decision === "request_changes")).toBe(true);
    expect(counts.checkins).toBeGreaterThan(40 * 8);
    expect(counts.checkins).toBeLessThanOrEqual(40 * 12);
  });

  it("gives every attempt of a milestone its own number and every decision one attempt", () => {
    const dataset = generateDataset(spec({ learners: 40 }));
    const attempts = dataset.tables.submissions.map((row) => `${row.progress_id} ${row.attempt}`);
    expect(new Set(attempts).size).toBe(attempts.length);
    const reviewed = dataset.tables.reviews.map((row) => row.submission_id);
    expect(new Set(reviewed).size).toBe(reviewed.length);
    const emails = dataset.tables.users.map((row) => row.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
