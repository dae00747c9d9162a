// The check-in form's limits and close-out fields: the browser's form reads them without loading the zod schemas.

export const PLANNED_MILESTONES_MAX = 10;
export const HOURS_MAX = 80;
export const TEXT_MAX = 2000;
export const COMMENT_MAX = 2000;

/** The close-out text fields, in the order the form shows them. */
export const CLOSE_OUT_TEXT_FIELDS = ["learned", "built", "tested", "documented", "reviewed", "blockers", "reflection"] as const;
export type CloseOutTextField = (typeof CLOSE_OUT_TEXT_FIELDS)[number];

/**
 * The weekly rule's parts ("1 day learn, 2 days build, 1 day test and fix, 1 day document, 1 day review and
 * simplify"), as the close-out fields that report them; rest needs no report (decision 051).
 */
export const WEEKLY_RULE_PARTS = ["learned", "built", "tested", "documented", "reviewed"] as const satisfies readonly CloseOutTextField[];

export const CLOSE_OUT_LABELS: Record<CloseOutTextField, string> = {
  learned: "Learned",
  built: "Built",
  tested: "Tested",
  documented: "Documented",
  reviewed: "Reviewed",
  blockers: "Blockers",
  reflection: "Reflection",
};
