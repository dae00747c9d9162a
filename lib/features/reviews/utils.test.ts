import { describe, expect, it } from "vitest";
import { containsPattern, formatDuration, queueQuery, waitingFor } from "@/lib/features/reviews/utils";

const HOUR = 3600 * 1000;

describe("waiting time against the review target", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

  it("says how long in whole units and how long is left", () => {
    expect(waitingFor(ago(0.2), now, 72)).toEqual({ waited: "12 minutes", overdue: false, overdueBy: null, left: "2 days" });
    expect(waitingFor(ago(5), now, 72)).toMatchObject({ waited: "5 hours", left: "2 days" });
    expect(waitingFor(ago(47), now, 72)).toMatchObject({ waited: "47 hours", left: "25 hours" });
    expect(waitingFor(ago(72), now, 72)).toMatchObject({ waited: "3 days", overdue: false });
  });

  it("is overdue past the target, and says by how much", () => {
    expect(waitingFor(ago(100), now, 72)).toEqual({ waited: "4 days", overdue: true, overdueBy: "28 hours", left: null });
    expect(waitingFor(ago(25), now, 24)).toMatchObject({ overdue: true, overdueBy: "1 hour" });
  });

  it("never shows a negative wait when clocks disagree", () => {
    expect(waitingFor(new Date(now.getTime() + HOUR), now, 72).waited).toBe("under a minute");
    expect(formatDuration(60_000)).toBe("1 minute");
    expect(formatDuration(24 * HOUR)).toBe("24 hours");
    expect(formatDuration(49 * HOUR)).toBe("2 days");
  });
});

describe("queue helpers", () => {
  it("keeps only the filters that are set, in a stable order", () => {
    expect(queueQuery({})).toBe("");
    expect(queueQuery({ learner: "Bruno C", phase: "projects" })).toBe("?phase=projects&learner=Bruno+C");
  });

  it("takes a learner's % and _ literally in name searches", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
