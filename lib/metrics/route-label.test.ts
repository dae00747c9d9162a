import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_TEMPLATES, routeLabel } from "@/lib/metrics/route-label";

/** Every page and route handler under app/, as its URL template (route groups left out). */
function appRoutes(directory = "app"): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return appRoutes(full);
    if (!/^(page\.tsx|route\.ts)$/.test(name)) return [];
    const segments = path.relative("app", directory).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
    return [`/${segments.join("/")}`];
  });
}

describe("the route label of the HTTP metrics", () => {
  it("replaces ids, tokens, handles and keys with placeholders", () => {
    const id = "0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b";
    expect(routeLabel(`/cohorts/${id}/learners/${id}`)).toBe("/cohorts/:id/learners/:id");
    expect(routeLabel(`/reviews/${id}?filter=mine`)).toBe("/reviews/:id");
    expect(routeLabel("/invite/9fJ2kL0qW8xY_secret-token")).toBe("/invite/:token");
    expect(routeLabel("/reset-password/[redacted]")).toBe("/reset-password/:token");
    expect(routeLabel("/p/ada-lovelace")).toBe("/p/:handle");
    expect(routeLabel("/api/v1/milestones/python-basics/submissions")).toBe("/api/v1/milestones/:key/submissions");
    expect(routeLabel(`/admin/roadmaps/${id}/versions/3`)).toBe("/admin/roadmaps/:id/versions/:number");
    expect(routeLabel("/api/auth/callback/oidc")).toBe("/api/auth/:rest");
  });

  it("prefers a fixed segment to a dynamic one, as Next does", () => {
    expect(routeLabel("/admin/roadmaps/import")).toBe("/admin/roadmaps/import");
    expect(routeLabel("/api/v1/roadmaps/import")).toBe("/api/v1/roadmaps/import");
  });

  it("collapses Next's assets and gives every unknown path one label", () => {
    expect(routeLabel("/_next/static/chunks/app/page-1a2b3c.js")).toBe("/_next/static");
    expect(routeLabel("/_next/image?url=%2Fx.png&w=64")).toBe("/_next/image");
    expect(routeLabel("/icon.svg")).toBe("/icon.svg");
    for (const madeUp of ["/wp-login.php", "/cohorts/a/b/c/d", "/.env", "/api/v2/me", "/admin/../etc/passwd", "/_next/webpack-hmr"]) {
      expect(routeLabel(madeUp)).toBe("other");
    }
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel(undefined)).toBe("/");
  });

  it("has a label for every page and route handler of the app, and no template without one", () => {
    const routes = appRoutes().sort();
    expect([...ROUTE_TEMPLATES].sort()).toEqual(routes);
    for (const route of routes) {
      const sample = route.replace(/\[\.\.\.[^\]]+\]/, "a/b").replace(/\[[^\]]+\]/g, "sample-value");
      expect(routeLabel(sample), route).not.toBe("other");
    }
  });
});
