import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findRoadmapVersion, getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { serializeRoadmapJson, parseRoadmapJson } from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown, serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { DEFAULT_ROADMAP_FILE, readDefaultRoadmap } from "@/prisma/factories/roadmaps";

function parseOrThrow(text: string) {
  const parsed = parseRoadmapMarkdown(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.document;
}

describe("importing and exporting roadmaps through the database", () => {
  it("imports the default roadmap: 7 phases, its milestones, 5 projects, the weekly rule and the criteria", async () => {
    const document = await readDefaultRoadmap();
    const { versionId, number, created } = await importRoadmapDocument({ ...document, slug: "default-check" });
    expect(created).toBe(true);
    expect(number).toBe(1);
    const version = await db.roadmapVersion.findUniqueOrThrow({
      where: { id: versionId },
      include: { _count: { select: { phases: true, milestones: true, projects: true, weeklyRule: true, criteria: true } } },
    });
    expect(version.status).toBe("published");
    expect(version._count).toEqual({
      phases: 7,
      milestones: document.phases.reduce((sum, phase) => sum + phase.milestones.length, 0),
      projects: 5,
      weeklyRule: 6,
      criteria: 4,
    });
  });

  it("exports exactly what was imported, in Markdown and in JSON", async () => {
    const source = await readFile(DEFAULT_ROADMAP_FILE, "utf8");
    const document = { ...parseOrThrow(source), slug: "round-trip" };
    const { versionId } = await importRoadmapDocument(document);
    const exported = await getRoadmapDocument(versionId);
    expect(exported).toEqual(document);
    expect(parseOrThrow(serializeRoadmapMarkdown(exported))).toEqual(document);
    const json = parseRoadmapJson(serializeRoadmapJson(exported));
    expect(json.ok && json.document).toEqual(document);
  });

  it("adds a new version when the slug exists, leaving the earlier version and its cohorts untouched", async () => {
    const document = { ...(await readDefaultRoadmap()), slug: "versioned" };
    const first = await importRoadmapDocument(document);
    const cohort = await db.cohort.create({
      data: { name: "Pinned", versionId: first.versionId, startDate: new Date("2027-01-04") },
    });
    const changed = { ...document, title: "MLOps Roadmap 2027" };
    changed.phases = changed.phases.map((phase, index) =>
      index === 0 ? { ...phase, milestones: phase.milestones.slice(1) } : phase,
    );
    const second = await importRoadmapDocument(changed);
    expect(second).toMatchObject({ roadmapId: first.roadmapId, number: 2, created: false });
    expect((await getRoadmapDocument(first.versionId)).phases[0]!.milestones).toHaveLength(
      document.phases[0]!.milestones.length,
    );
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).versionId).toBe(first.versionId);
    const latest = await findRoadmapVersion("versioned");
    expect(latest?.number).toBe(2);
    expect((await db.roadmap.findUniqueOrThrow({ where: { id: first.roadmapId } })).name).toBe("MLOps Roadmap 2027");
  });

  it("gives concurrent imports of one slug distinct version numbers", async () => {
    const document = { ...(await readDefaultRoadmap()), slug: "concurrent" };
    const results = await Promise.all([1, 2, 3].map(() => importRoadmapDocument(document)));
    expect(results.map((result) => result.number).sort()).toEqual([1, 2, 3]);
  });

  it("writes nothing when a write fails halfway", async () => {
    const document = { ...(await readDefaultRoadmap()), slug: "half-written" };
    const broken = structuredClone(document);
    // Two phases with one key pass the type system but violate the (version, key) unique constraint.
    broken.phases[1] = { ...broken.phases[1]!, key: broken.phases[0]!.key };
    await expect(importRoadmapDocument(broken)).rejects.toThrow();
    expect(await db.roadmap.count({ where: { slug: "half-written" } })).toBe(0);
    expect(await db.roadmapVersion.count({ where: { roadmap: { slug: "half-written" } } })).toBe(0);
  });
});
