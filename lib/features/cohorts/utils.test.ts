import { describe, expect, it } from "vitest";
import { dateOfDay, dayFrom } from "@/lib/calendar";
import { diffVersionItems, learnerScheduleOnJoining, startDateOnJoining } from "@/lib/features/cohorts/utils";
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

describe("a late joiner's start date", () => {
  const cohort = { startDate: dateOfDay(dayFrom("2027-03-01")), timezone: "Pacific/Auckland" };
  // 10 March 2027, 12:00 UTC is already 11 March in Auckland and still 10 March in Los Angeles.
  const NOW = new Date("2027-03-10T12:00:00Z");

  it("is the day they join on the cohort's calendar, not the server's", () => {
    expect(startDateOnJoining(cohort, NOW)).toEqual(dateOfDay(dayFrom("2027-03-11")));
    expect(startDateOnJoining({ ...cohort, timezone: "America/Los_Angeles" }, NOW)).toEqual(dateOfDay(dayFrom("2027-03-10")));
  });

  it("is null on or before the cohort's start, so the cohort's start applies", () => {
    expect(startDateOnJoining({ ...cohort, startDate: dateOfDay(dayFrom("2027-03-11")) }, NOW)).toBeNull();
    expect(startDateOnJoining({ ...cohort, startDate: dateOfDay(dayFrom("2027-04-05")) }, NOW)).toBeNull();
  });

  it("reads a zone Intl does not know as UTC instead of failing", () => {
    expect(startDateOnJoining({ ...cohort, timezone: "Mars/Olympus" }, NOW)).toEqual(dateOfDay(dayFrom("2027-03-10")));
  });

  it("keeps a date a mentor chose when someone comes back, and replaces one Cairn set", () => {
    const chosen = dateOfDay(dayFrom("2027-02-15"));
    expect(learnerScheduleOnJoining(cohort, { startDate: chosen, startDateByMentor: true }, NOW)).toEqual({ startDate: chosen, startDateByMentor: true });
    expect(learnerScheduleOnJoining(cohort, { startDate: chosen, startDateByMentor: false }, NOW)).toEqual({
      startDate: dateOfDay(dayFrom("2027-03-11")),
      startDateByMentor: false,
    });
    expect(learnerScheduleOnJoining({ ...cohort, startDate: dateOfDay(dayFrom("2027-04-05")) }, { startDate: chosen, startDateByMentor: false }, NOW)).toEqual({
      startDate: null,
      startDateByMentor: false,
    });
  });
});
