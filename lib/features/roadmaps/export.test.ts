// GET /admin/roadmaps/{roadmapId}/export, called as Next calls it (a Request and the route's params) while signed
// in through asUser(): admins get the file, everyone else the same 404 as an unknown roadmap, and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoadmap } from "@/app/(app)/admin/roadmaps/[roadmapId]/export/route";
import { db } from "@/lib/db";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { parseRoadmapJson } from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

let admin: User;
let mentor: User;
let learner: User;
let roadmapId: string;
let firstVersionId: string;
let draftVersionId: string;

beforeAll(async () => {
  const document = { ...(await readDefaultRoadmap()), slug: "export-check" };
  const first = await importRoadmapDocument(document);
  roadmapId = first.roadmapId;
  firstVersionId = first.versionId;
  const changed = { ...document, title: "Export check, second edition" };
  ({ versionId: draftVersionId } = await importRoadmapDocument(changed, { status: "draft" }));
  const cohort = await createCohort({ versionId: first.versionId });
  [admin, mentor, learner] = await Promise.all([
    createUser({ isAdmin: true }),
    createUser({ name: "Mentor" }),
    createUser({ name: "Learner" }),
  ]);
  await addMember(cohort.id, mentor.id, "mentor");
  await addMember(cohort.id, learner.id, "learner");
});

function call(id: string, query: string) {
  return exportRoadmap(new Request(`http://localhost/admin/roadmaps/${id}/export${query}`), {
    params: Promise.resolve({ roadmapId: id }),
  });
}

function callAs(user: User, id: string, query: string) {
  return asUser(user, () => call(id, query));
}

describe("exporting a roadmap version", () => {
  it("gives an admin the Markdown file, which imports back to the same document", async () => {
    const response = await callAs(admin, roadmapId, "?version=1&format=md");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="export-check-v1.md"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    const parsed = parseRoadmapMarkdown(await response.text());
    expect(parsed.ok && parsed.document).toEqual(await getRoadmapDocument(firstVersionId));
  });

  it("gives an admin the JSON file of any version, drafts included, by id or slug", async () => {
    for (const id of [roadmapId, "export-check"]) {
      const response = await callAs(admin, id, "?version=2&format=json");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="export-check-v2.json"');
      const parsed = parseRoadmapJson(await response.text());
      expect(parsed.ok && parsed.document).toEqual(await getRoadmapDocument(draftVersionId));
    }
  });

  it("exports the latest published version as Markdown when no version or format is given", async () => {
    const response = await callAs(admin, roadmapId, "");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="export-check-v1.md"');
  });

  it("answers 404 to mentors, learners and revoked sessions, and for unknown roadmaps, versions and formats", async () => {
    const deactivated = await createUser({ isAdmin: true });
    await db.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
    const cases: [User, string, string][] = [
      [mentor, roadmapId, "?version=1&format=md"],
      [learner, roadmapId, "?version=1&format=json"],
      [deactivated, roadmapId, "?version=1"],
      [admin, "0195f3a4-0000-7000-8000-000000000000", "?version=1"],
      [admin, "no-such-roadmap", "?version=1"],
      [admin, roadmapId, "?version=9"],
      [admin, roadmapId, "?version=one"],
      [admin, roadmapId, "?version=1&format=pdf"],
      [admin, roadmapId, "?version=1&format=md&extra=1"],
    ];
    for (const [user, id, query] of cases) {
      const response = await callAs(user, id, query);
      expect({ id, query, status: response.status }).toEqual({ id, query, status: 404 });
      expect(await response.text()).toBe("Not found");
    }
  });

  it("changes nothing", async () => {
    const before = await Promise.all([db.auditEvent.count(), db.roadmapVersion.count()]);
    await callAs(admin, roadmapId, "?version=1&format=json");
    expect(await Promise.all([db.auditEvent.count(), db.roadmapVersion.count()])).toEqual(before);
  });
});
