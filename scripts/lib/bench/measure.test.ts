import { describe, expect, it } from "vitest";
import { BASE_ELEMENTS, calibrate, countElements, cpuMsPerRequest, cpuTicks, ratioSpread, spread } from "@/scripts/lib/bench/measure";

describe("countElements", () => {
  it("counts the body's start tags and leaves out scripts, their content, comments and the head", () => {
    const html =
      '<!DOCTYPE html><html><head><title>x</title><script src="/a.js"></script></head>' +
      '<body class="b"><main><h1>Hi</h1><!-- <p>not here</p> --><ul><li>a</li><li>b<br/></li></ul>' +
      '<script>self.__next_f.push([1,"<div>not an element</div>"])</script><svg viewBox="0 0 1 1"><path d="M0"/></svg></main></body></html>';
    // body, main, h1, ul, li, li, br, svg, path
    expect(countElements(html)).toBe(9);
  });

  it("does not take a less-than sign in text for a tag", () => {
    expect(countElements("<body><p>1 < 2 and a<b</p></body>")).toBe(2);
  });
});

describe("spread and ratios", () => {
  it("gives the median with the smallest and largest value", () => {
    expect(spread([30, 10, 20, 40])).toEqual({ median: 25, min: 10, max: 40 });
    expect(spread([5])).toEqual({ median: 5, min: 5, max: 5 });
  });

  it("compares Cairn with a baseline round by round", () => {
    // Rounds 1–3: 50/100, 60/100, 90/180.
    expect(ratioSpread([50, 60, 90], [100, 100, 180])).toEqual({ median: 0.5, min: 0.5, max: 0.6 });
  });

  it("leaves out rounds where the baseline answered nothing", () => {
    expect(ratioSpread([50, 60], [0, 120])).toEqual({ median: 0.5, min: 0.5, max: 0.5 });
  });
});

describe("CPU time from /proc/<pid>/stat", () => {
  // A real line's shape; the command name holds a space and a parenthesis.
  const stat = (utime: number, stime: number) =>
    `4242 (node (next) x) S 1 4242 4242 0 -1 4194560 12345 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 777 1234567 8910 18446744073709551615`;

  it("adds user and system time after the command name", () => {
    expect(cpuTicks(stat(150, 25))).toBe(175);
  });

  it("turns a tick delta into milliseconds per request", () => {
    // 50 ticks at 100 per second = 500 ms over 250 requests.
    expect(cpuMsPerRequest(cpuTicks(stat(100, 0)), cpuTicks(stat(130, 20)), 250, 100)).toBe(2);
    expect(cpuMsPerRequest(0, 10, 0, 100)).toBeNaN();
  });

  it("refuses a line it cannot read", () => {
    expect(() => cpuTicks("garbage")).toThrow(/Cannot read CPU times/);
  });
});

describe("calibrate", () => {
  it("shapes rows and padding so B_render has Cairn's element count", () => {
    const { perRow, padding } = calibrate(1_000, 40);
    expect(BASE_ELEMENTS + perRow * 40 + padding).toBe(1_000);
    expect(perRow).toBe(24);
  });

  it("puts everything into padding when the page has no rows", () => {
    expect(calibrate(300, 0)).toEqual({ perRow: 1, padding: 300 - BASE_ELEMENTS });
  });

  it("keeps one element per row even when that overshoots", () => {
    expect(calibrate(50, 100)).toEqual({ perRow: 1, padding: 0 });
  });
});
