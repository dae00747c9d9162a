import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { EVIDENCE_LINKS_MAX } from "@/lib/features/progress/constants";
import {
  EVIDENCE_LABEL_MAX,
  evidenceLinkSchema,
  submissionInputSchema,
} from "@/lib/features/progress/schema";

const valid = {
  cohortId: "0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b",
  itemKey: "serve-a-model",
  links: [{ url: "https://github.com/acme/serving", label: "Repository" }],
  note: "Deployed with **canary** rollout.",
};

/** Field errors keyed the way a form shows them next to an input (`links.0.url`). */
function fieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

describe("submissionInputSchema", () => {
  it("accepts a submission and trims what the form sends", () => {
    const result = submissionInputSchema.safeParse({
      ...valid,
      links: [
        { url: "  https://github.com/acme/serving/pull/7  ", label: "  The PR  " },
        { url: "https://wandb.ai/acme/run/1", label: "" },
      ],
    });
    expect(result.success).toBe(true);
    expect(result.data?.links).toEqual([
      { url: "https://github.com/acme/serving/pull/7", label: "The PR" },
      { url: "https://wandb.ai/acme/run/1", label: undefined },
    ]);
  });

  it("defaults the note to empty", () => {
    const { note: _note, ...withoutNote } = valid;
    expect(submissionInputSchema.parse(withoutNote).note).toBe("");
    expect(submissionInputSchema.parse({ ...valid, note: "  \n " }).note).toBe("");
  });

  it("keeps Markdown indentation in the note", () => {
    expect(submissionInputSchema.parse({ ...valid, note: "    indented code" }).note).toBe("    indented code");
  });

  it("puts an unsafe link's error on that link's url field", () => {
    const result = submissionInputSchema.safeParse({
      ...valid,
      links: [{ url: "https://example.com/ok" }, { url: "javascript:alert(1)" }, { url: "//evil.example" }],
    });
    expect(fieldErrors(result)).toEqual({
      "links.1.url": ["Use a full http:// or https:// address."],
      "links.2.url": ["Use a full http:// or https:// address."],
    });
  });

  it("says a too-long link is too long, once", () => {
    const url = `https://example.com/${"a".repeat(2049 - "https://example.com/".length)}`;
    const result = submissionInputSchema.safeParse({ ...valid, links: [{ url }] });
    expect(fieldErrors(result)).toEqual({ "links.0.url": ["Keep links under 2,048 characters."] });
  });

  it("limits the label", () => {
    const ok = submissionInputSchema.safeParse({
      ...valid,
      links: [{ url: "https://example.com/", label: "x".repeat(EVIDENCE_LABEL_MAX) }],
    });
    expect(ok.success).toBe(true);
    const tooLong = submissionInputSchema.safeParse({
      ...valid,
      links: [{ url: "https://example.com/", label: "x".repeat(EVIDENCE_LABEL_MAX + 1) }],
    });
    expect(fieldErrors(tooLong)).toEqual({ "links.0.label": ["Keep the label under 120 characters."] });
  });

  it("needs between 1 and 10 links", () => {
    expect(fieldErrors(submissionInputSchema.safeParse({ ...valid, links: [] }))).toEqual({
      links: ["Add at least one evidence link."],
    });
    const { links: _links, ...withoutLinks } = valid;
    expect(fieldErrors(submissionInputSchema.safeParse(withoutLinks))).toEqual({
      links: ["Add at least one evidence link."],
    });

    const link = { url: "https://example.com/" };
    expect(EVIDENCE_LINKS_MAX).toBe(10);
    expect(submissionInputSchema.safeParse({ ...valid, links: Array(10).fill(link) }).success).toBe(true);
    expect(fieldErrors(submissionInputSchema.safeParse({ ...valid, links: Array(11).fill(link) }))).toEqual({
      links: ["Add at most 10 links."],
    });
  });

  it("limits the note to 20,000 characters", () => {
    expect(submissionInputSchema.safeParse({ ...valid, note: "x".repeat(20_000) }).success).toBe(true);
    expect(fieldErrors(submissionInputSchema.safeParse({ ...valid, note: "x".repeat(20_001) }))).toEqual({
      note: ["Keep the note under 20,000 characters."],
    });
  });

  it.each([["not-a-uuid"], [""], [42]])("rejects cohort id %j", (cohortId) => {
    expect(Object.keys(fieldErrors(submissionInputSchema.safeParse({ ...valid, cohortId })))).toEqual(["cohortId"]);
  });

  it.each([["Serve-A-Model"], ["serve--model"], ["-serve"], ["serve model"], ["../admin"], ["a".repeat(61)]])(
    "rejects item key %j",
    (itemKey) => {
      expect(fieldErrors(submissionInputSchema.safeParse({ ...valid, itemKey }))).toEqual({
        itemKey: ["This milestone does not exist."],
      });
    },
  );

  it("accepts a 60-character item key", () => {
    expect(submissionInputSchema.safeParse({ ...valid, itemKey: "a".repeat(60) }).success).toBe(true);
  });

  it.each([
    ["status", "approved"],
    ["learnerId", "0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6c"],
    ["reviewerId", "0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6d"],
    ["createdAt", "2020-01-01T00:00:00Z"],
  ])("rejects the extra field %s (docs/security.md #7)", (field, value) => {
    const result = submissionInputSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ code: "unrecognized_keys", keys: [field] }));
  });

  it("rejects extra fields on a link", () => {
    const result = submissionInputSchema.safeParse({
      ...valid,
      links: [{ url: "https://example.com/", kind: "github_commit" }],
    });
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ code: "unrecognized_keys", keys: ["kind"], path: ["links", 0] }),
    );
  });
});

describe("evidenceLinkSchema", () => {
  it.each([["javascript:alert(1)"], ["JaVaScRiPt:alert(1)"], ["data:text/html,x"], ["file:///etc/passwd"], [""]])(
    "rejects %j with the address message",
    (url) => {
      expect(fieldErrors(evidenceLinkSchema.safeParse({ url }))).toEqual({
        url: ["Use a full http:// or https:// address."],
      });
    },
  );

  it("needs a url", () => {
    expect(fieldErrors(evidenceLinkSchema.safeParse({ label: "Repo" }))).toEqual({
      url: ["Use a full http:// or https:// address."],
    });
  });
});
