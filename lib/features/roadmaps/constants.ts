import type { Prisma } from "@/lib/generated/prisma/client";

/** Largest roadmap file (Markdown or JSON) Cairn imports, in UTF-8 bytes. The import screen checks it in the browser too. */
export const ROADMAP_FILE_MAX_BYTES = 1_048_576;

/** "The file is 1.05 MB; …": two decimals, so a file just over the limit never reads as "1.0 MB". */
export function fileTooLargeMessage(bytes: number): string {
  return `The file is ${(Math.ceil((bytes / 1_048_576) * 100) / 100).toFixed(2)} MB; roadmap files can be at most 1 MB.`;
}

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
