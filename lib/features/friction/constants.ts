import type { FrictionSort } from "@/lib/features/friction/types";

/** The sorts the friction table offers, the default first. */
export const FRICTION_SORTS = ["friction", "order", "time", "retries", "wait", "current", "stalled"] as const satisfies readonly FrictionSort[];

/** How many items, at most, are highlighted as the worst offenders. */
export const WORST_COUNT = 3;

/** The `phase` of a portfolio project's row. */
export const PROJECTS_PHASE = "Portfolio projects";

/** The title of the note a friction export adds to a roadmap's Markdown (any unknown `##` section is a note). */
export const FRICTION_NOTE_TITLE = "Friction";

export const FRICTION_CSV_HEADER = [
  "Code",
  "Milestone",
  "Phase",
  "Started",
  "Completed",
  "Median days to done",
  "Days p25",
  "Days p75",
  "Attempted",
  "Needed more than one attempt",
  "Share needing more than one attempt (%)",
  "Median review wait (hours)",
  "On it now",
  "Stalled there",
] as const;
