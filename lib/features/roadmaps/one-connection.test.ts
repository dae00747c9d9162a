// Every read inside an editor save or an import goes through the transaction's own connection. With a pool of
// one, a read that borrowed a second connection would wait for the one its own transaction holds and fail at the
// pool's acquire deadline, so each write below would come back as an error instead of its result.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  importRoadmapAction,
  publishVersionAction,
  updateMilestoneAction,
  updateVersionDetailsAction,
} from "@/lib/features/roadmaps/actions";
import { getEditorVersion, getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

vi.hoisted(() => {
  process.env.DATABASE_POOL_SIZE = "1";
});

function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.data;
}

describe("roadmap writes on a pool of one connection", () => {
  it("runs with a single connection", async () => {
    const pids = await Promise.all(
      [1, 2, 3].map(() => db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, pg_sleep(0.05)::text`),
    );
    expect(new Set(pids.map(([row]) => row?.pid)).size).toBe(1);
  });

  it("imports, edits and publishes without waiting for a second connection", async () => {
    const admin = await createUser({ isAdmin: true });
    const document = { ...(await readDefaultRoadmap()), slug: "single-connection" };
    const first = await importRoadmapDocument(document, { actor: { id: admin.id, requestId: null } });
    const second = await importRoadmapDocument({ ...document, title: "Renamed" }, { actor: { id: admin.id, requestId: null } });
    expect(second.number).toBe(2);

    const drafted = unwrap(
      await asUser(admin, () =>
        importRoadmapAction({ format: "markdown", text: serializeRoadmapMarkdown({ ...document, title: "Draft title" }) }),
      ),
    );
    expect(drafted).toMatchObject({ status: "imported", number: 3 });
    const draft = (await getEditorVersion(first.roadmapId, 3))!;
    unwrap(
      await asUser(admin, () =>
        updateVersionDetailsAction({ versionId: draft.id, lockVersion: draft.lockVersion, title: "Third", summary: draft.summary }),
      ),
    );
    const { id, archived: _archived, ...milestone } = draft.phases[0]!.milestones[0]!;
    const renamed = unwrap(await asUser(admin, () => updateMilestoneAction({ ...milestone, milestoneId: id, key: "renamed-key" })));
    expect(renamed.key).toBe("renamed-key");

    const published = unwrap(await asUser(admin, () => publishVersionAction({ versionId: draft.id })));
    expect(published).toMatchObject({ status: "published", number: 3 });
    const stored = await getRoadmapDocument(draft.id);
    expect(stored.title).toBe("Third");
    expect(stored.phases[0]!.milestones[0]!.key).toBe("renamed-key");
  });
});
