import { describe, expect, it } from "vitest";
import { areaBetween, formatValue, heightOf, labelStep, lineRuns, niceMax, slotCentre, stack, ticks } from "@/components/charts/scale";

describe("chart scales", () => {
  it("rounds the top of an axis up to 1, 2 or 5 times a power of ten, and shows 1 for nothing", () => {
    expect([0, 0.3, 1, 3, 7, 12, 45, 51, 100, 130].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 20, 50, 100, 100, 200]);
    expect(niceMax(Number.NaN)).toBe(1);
  });

  it("spaces ticks evenly, without fractions on a small whole axis", () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(30)).toEqual([0, 10, 20, 30]);
    expect(ticks(500)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(0.5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(ticks(7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(ticks(33)).toEqual([0, 11, 22, 33]);
    expect(ticks(13)).toEqual([0, 13]);
  });

  it("places categories at the centre of their slot and values from the top", () => {
    expect(slotCentre(0, 4)).toBe(12.5);
    expect(slotCentre(3, 4)).toBe(87.5);
    expect(heightOf(5, 10)).toBe(50);
    expect(heightOf(-2, 10)).toBe(100);
    expect(heightOf(20, 10)).toBe(0);
  });

  it("breaks a line where a value is missing instead of dropping it to zero", () => {
    expect(lineRuns([1, 2, null, 4], 4)).toEqual(["12.5,75 37.5,50", "87.5,0"]);
    expect(lineRuns([null, null], 4)).toEqual([]);
  });

  it("stacks layers on the ones below and outlines the area between two lines", () => {
    expect(stack([[1, 2], [3, 4]])).toEqual([
      { lower: [0, 0], upper: [1, 2] },
      { lower: [1, 2], upper: [4, 6] },
    ]);
    expect(areaBetween([0, 0], [2, 4], 4)).toBe("25,50 75,0 75,100 25,100");
  });

  it("thins category labels to the room there is, and prints values briefly", () => {
    expect(labelStep(52, 6)).toBe(9);
    expect(labelStep(4, 6)).toBe(1);
    expect([3, 2.25, 0].map(formatValue)).toEqual(["3", "2.3", "0"]);
  });
});
