import { describe, expect, it } from "vitest";
import { breakdown, type CpuProfile } from "@/scripts/lib/profile/cpu-profile";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

// (root) → handler (Next) → render (react-dom-server) → Row (Cairn) ; handler → query (pg) → writev ; (idle) ; (gc)
const profile: CpuProfile = {
  startTime: 0,
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 7, 8] },
    { id: 2, callFrame: frame("handler", "file:///app/node_modules/next/dist/server/base-server.js"), children: [3, 5] },
    { id: 3, callFrame: frame("render", "file:///app/node_modules/react-dom/cjs/react-dom-server.node.production.js"), children: [4] },
    { id: 4, callFrame: frame("Row", "file:///app/lib/features/progress/components/row.tsx") },
    { id: 5, callFrame: frame("query", "file:///app/node_modules/pg/lib/client.js"), children: [6] },
    { id: 6, callFrame: frame("writev") },
    { id: 7, callFrame: frame("(idle)") },
    { id: 8, callFrame: frame("(garbage collector)") },
  ],
  samples: [3, 4, 6, 6, 2, 7, 7, 8, 3],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe("a CPU profile's breakdown", () => {
  it("charges each busy sample to what its stack was doing, leaf first, and leaves idle time out", () => {
    const { busyMs, byCategory } = breakdown(profile, { resolve: (f) => `${f.url} ${f.functionName}` });
    expect(busyMs).toBe(7);
    expect(byCategory).toEqual({
      "React: render to HTML (with client components)": 2,
      "Cairn's own code": 1,
      // Socket writes made for a query are the database's time, not HTTP's.
      "Database (Prisma and pg)": 2,
      "Next.js request handling": 1,
      "Garbage collection": 1,
    });
  });

  it("counts only the samples inside the window", () => {
    const { busyMs, byCategory } = breakdown(profile, { fromMs: 2, toMs: 4, resolve: (f) => `${f.url} ${f.functionName}` });
    expect(busyMs).toBe(3);
    expect(byCategory).toEqual({ "Cairn's own code": 1, "Database (Prisma and pg)": 2 });
  });
});
