import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSavedReplyAction, deleteSavedReplyAction, renameSavedReplyAction } from "@/lib/features/reviews/actions";
import { SAVED_REPLIES_MAX, SAVED_REPLY_MESSAGES } from "@/lib/features/reviews/constants";
import { loadSavedReplies } from "@/lib/features/reviews/loaders";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type Person = { id: string; email: string; name: string; isAdmin: boolean };

let versionId: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

const viewerOf = (user: Person) => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin });
const create = (user: Person, input: object) => asUser(user, () => createSavedReplyAction(input));
const rename = (user: Person, input: object) => asUser(user, () => renameSavedReplyAction(input));
const remove = (user: Person, input: object) => asUser(user, () => deleteSavedReplyAction(input));
const rowsOf = (user: Person) => db.savedReply.findMany({ where: { ownerId: user.id }, orderBy: { title: "asc" }, select: { title: true, body: true } });
const HEALTH = { title: "Add a health check", body: "Add a **health check** to the image:\n\n- `HEALTHCHECK` in the Dockerfile" };

describe("saved replies", () => {
  it("lets a mentor save the comment box as a reply, rename it and delete it, each seen on their next page", async () => {
    const w = await createWorld({ versionId });
    const saved = await create(w.mentorX, HEALTH);
    expect(saved).toMatchObject({ ok: true, data: { ...HEALTH, id: expect.any(String) } });
    if (!saved.ok) return;
    expect(await loadSavedReplies(viewerOf(w.mentorX))).toEqual([{ id: saved.data.id, ...HEALTH }]);

    expect(await rename(w.mentorX, { id: saved.data.id, title: "  Health check, please  " })).toMatchObject({
      ok: true,
      data: { title: "Health check, please", body: HEALTH.body },
    });
    expect(await rowsOf(w.mentorX)).toEqual([{ title: "Health check, please", body: HEALTH.body }]);

    expect(await remove(w.mentorX, { id: saved.data.id })).toEqual({ ok: true, data: undefined });
    expect(await rowsOf(w.mentorX)).toEqual([]);
    expect(await loadSavedReplies(viewerOf(w.mentorX))).toEqual([]);
  });

  it("keeps each person's replies their own: another mentor can neither see, rename nor delete them", async () => {
    const w = await createWorld({ versionId });
    const saved = await create(w.mentorX, HEALTH);
    if (!saved.ok) throw new Error(saved.error);
    await create(w.mentorY, { title: "Mine", body: "Yara's own words." });

    expect((await loadSavedReplies(viewerOf(w.mentorY)))?.map((reply) => reply.title)).toEqual(["Mine"]);
    const unknown = { ok: false, code: "NOT_FOUND", error: SAVED_REPLY_MESSAGES.notFound };
    expect(await rename(w.mentorY, { id: saved.data.id, title: "Taken over" })).toMatchObject(unknown);
    expect(await remove(w.mentorY, { id: saved.data.id })).toMatchObject(unknown);
    // Exactly what an id that never existed gets.
    expect(await remove(w.mentorY, { id: crypto.randomUUID() })).toMatchObject(unknown);
    expect(await rowsOf(w.mentorX)).toEqual([HEALTH]);
  });

  it("is for people who review: a learner cannot save one, and Settings shows them no section", async () => {
    const w = await createWorld({ versionId });
    expect(await create(w.learnerX1, HEALTH)).toMatchObject({ ok: false, code: "NOT_FOUND", error: SAVED_REPLY_MESSAGES.notReviewer });
    expect(await rowsOf(w.learnerX1)).toEqual([]);
    expect(await loadSavedReplies(viewerOf(w.learnerX1))).toBeNull();
    // An admin reviews every cohort, mentoring none.
    expect(await create(w.admin, HEALTH)).toMatchObject({ ok: true });
    expect(await loadSavedReplies(viewerOf(w.admin))).toHaveLength(1);
  });

  it("refuses bad input with a message next to the field and writes nothing (docs/security.md #7, #39)", async () => {
    const w = await createWorld({ versionId });
    const cases: [object, string, string][] = [
      [{ title: "  ", body: "Text" }, "title", SAVED_REPLY_MESSAGES.titleRequired],
      [{ title: "x".repeat(81), body: "Text" }, "title", SAVED_REPLY_MESSAGES.titleLength],
      [{ title: "Two\nlines", body: "Text" }, "title", "Use one line of plain text: remove line breaks, tabs and invisible control characters (such as NUL)."],
      [{ title: "Empty", body: " \n " }, "body", SAVED_REPLY_MESSAGES.bodyRequired],
      [{ title: "Long", body: "x".repeat(5_001) }, "body", SAVED_REPLY_MESSAGES.bodyLength],
      [{ title: "NUL", body: "a\u0000b" }, "body", "Remove the invisible control characters (such as NUL or text-direction overrides) from this text."],
    ];
    for (const [input, field, message] of cases) {
      const result = await create(w.mentorX, input);
      expect(result, JSON.stringify(input).slice(0, 60)).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [message] } });
    }
    // Someone else's id as owner, or a creation time, is refused rather than ignored.
    expect(await create(w.mentorX, { ...HEALTH, ownerId: w.mentorY.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await rowsOf(w.mentorX)).toEqual([]);
    expect(await rowsOf(w.mentorY)).toEqual([]);

    const saved = await create(w.mentorX, HEALTH);
    if (!saved.ok) throw new Error(saved.error);
    expect(await rename(w.mentorX, { id: saved.data.id, title: "" })).toMatchObject({ fieldErrors: { title: [SAVED_REPLY_MESSAGES.titleRequired] } });
    expect(await rename(w.mentorX, { id: "not-an-id", title: "New" })).toMatchObject({ fieldErrors: { id: [SAVED_REPLY_MESSAGES.notFound] } });
    expect(await remove(w.mentorX, { id: saved.data.id, ownerId: w.mentorX.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await rowsOf(w.mentorX)).toEqual([HEALTH]);
  });

  it("keeps at most 50 per person with a clear message, even when saves arrive at once", async () => {
    const w = await createWorld({ versionId });
    await db.savedReply.createMany({
      data: Array.from({ length: SAVED_REPLIES_MAX - 2 }, (_, index) => ({ ownerId: w.mentorX.id, title: `Reply ${index}`, body: "Text" })),
    });
    const results = await Promise.all(Array.from({ length: 5 }, (_, index) => create(w.mentorX, { title: `At once ${index}`, body: "Text" })));
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    for (const refused of results.filter((result) => !result.ok)) {
      expect(refused).toMatchObject({ code: "INVALID_STATE", error: SAVED_REPLY_MESSAGES.full });
    }
    expect(await db.savedReply.count({ where: { ownerId: w.mentorX.id } })).toBe(SAVED_REPLIES_MAX);
    // The cap is per person: another mentor still saves.
    expect(await create(w.mentorY, HEALTH)).toMatchObject({ ok: true });
  });
});
