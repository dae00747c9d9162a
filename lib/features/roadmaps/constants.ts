import type { UseActionOptions } from "@/components/use-action";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceRequirement } from "@/lib/features/roadmaps/types";

/** Largest roadmap file (Markdown or JSON) Cairn imports, in UTF-8 bytes. The import screen checks it in the browser too. */
export const ROADMAP_FILE_MAX_BYTES = 1_048_576;

/** "The file is 1.05 MB; …": two decimals, so a file just over the limit never reads as "1.0 MB". */
export function fileTooLargeMessage(bytes: number): string {
  return `The file is ${(Math.ceil((bytes / 1_048_576) * 100) / 100).toFixed(2)} MB; roadmap files can be at most 1 MB.`;
}

export const ROADMAP_LIMITS = {
  /** Import files (Markdown or JSON), in UTF-8 bytes. */
  fileBytes: ROADMAP_FILE_MAX_BYTES,
  keyLength: 60,
  titleLength: 200,
  /** "Done when" items, weekly rule items, success criteria, resource labels. */
  lineTextLength: 500,
  summaryLength: 10_000,
  /** Milestone, project and phase descriptions; note bodies. */
  markdownLength: 20_000,
  urlLength: 2048,
  phases: 30,
  milestonesPerPhase: 60,
  milestones: 400,
  projects: 40,
  doneWhenItems: 20,
  resources: 20,
  weeklyRuleItems: 14,
  criteria: 40,
  notes: 20,
  effortHours: 1000,
} as const;

export const EVIDENCE_REQUIREMENTS = ["none", "optional", "required"] as const satisfies readonly EvidenceRequirement[];

/** Lower-case ASCII words joined by single hyphens: what `slugify` produces and what `{#key}` must look like. */
export const ROADMAP_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `##` headings with a meaning in the Markdown format. A note with one of these titles would come back as
 * something else after export → import, so note titles may not use them.
 */
export const ROADMAP_SECTION_PATTERNS = {
  goal: /^goal$/i,
  phase: /^phase[ \t]+(\d+)\b[ \t]*(?:[:.\-–—][ \t]*)?(.*)$/is,
  projects: /^portfolio projects?$/i,
  weeklyRule: /^weekly execution rules?$/i,
  criteria: /^success criteria$/i,
} as const;

/** A milestone's authored content, as every reader of a roadmap selects it (and a new draft copies it). */
export const MILESTONE_CONTENT_SELECT = {
  key: true,
  title: true,
  description: true,
  doneWhen: true,
  resources: true,
  evidence: true,
  reviewRequired: true,
  effortHours: true,
} satisfies Prisma.MilestoneSelect;

/** A portfolio project's authored content. */
export const PROJECT_CONTENT_SELECT = {
  key: true,
  title: true,
  description: true,
  doneWhen: true,
  evidence: true,
  reviewRequired: true,
  milestoneKeys: true,
} satisfies Prisma.PortfolioProjectSelect;

export const ROADMAP_NOT_FOUND = "This roadmap does not exist.";
export const ITEM_NOT_FOUND = "This item does not exist.";

export const ITEM_CONFLICT_MESSAGE =
  "Someone else saved this while you were editing, so nothing was saved. Their changes are now in the form; where you changed a field too, yours is kept.";

export const OUTLINE_CONFLICT_MESSAGE = "The outline changed since you loaded it. Nothing was moved; the latest order is shown now.";

export const KEY_LOCKED_MESSAGE = "Learners have progress on this key, so it can no longer change.";

/** Longest release note an admin can publish a version with, in characters. */
export const RELEASE_NOTE_MAX = 2_000;

export const KIND_LABEL = { phase: "Phase", milestone: "Milestone", project: "Project" } as const;

/** How every editor control reports a save that did not happen; conflicts and field errors stay in the form. */
export const EDITOR_SAVE = {
  unreachable: "Nothing was saved; try again.",
  sayUnreachable: { toast: "Cairn could not be reached" },
  say: { toast: "Not saved" },
  handles: ["CONFLICT"],
} as const satisfies UseActionOptions;
