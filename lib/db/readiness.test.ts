import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/lib/db/readiness";
import { freePort } from "@/lib/db/embedded";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";

describe("health and readiness", () => {
  it("/api/health answers without touching the database", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/api/ready is 200 when the database answers and every migration is applied", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, database: "ok", pendingMigrations: [] });
  });

  it("says the database is unreachable, quickly and without throwing, when it is down", async () => {
    const port = await freePort();
    const readiness = await checkReadiness(`postgresql://nobody:x@127.0.0.1:${port}/cairn`);
    expect(readiness).toEqual({ ready: false, database: "unreachable", pendingMigrations: [] });
  });
});
