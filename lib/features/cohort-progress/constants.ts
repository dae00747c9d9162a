/**
 * Learners per matrix page. With ~45 milestone columns a row is ~50 DOM nodes (one <td> per cell), so 25 rows
 * keep a page near the 1,400-node budget (docs/performance.md) while a 13-learner cohort fits on one page.
 */
export const MATRIX_PAGE_SIZE = 25;

/** Longest learner-name search the matrix accepts; anything longer cannot match a name anyway. */
export const SEARCH_MAX = 100;

/** Newest events on the learner detail page; older history stays in the CSV exports. */
export const TIMELINE_LIMIT = 100;

/** Events shown before "Show older events"; the rest wait behind a disclosure so the page stays short. */
export const TIMELINE_VISIBLE = 12;

/** Check-in weeks shown before "Show older weeks". */
export const CHECKIN_WEEKS_VISIBLE = 4;

/** How many characters of a comment the timeline quotes. */
export const TIMELINE_EXCERPT = 280;

export const MATRIX_SORTS = ["name", "progress", "progress-desc", "risk"] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

export const SORT_LABELS: Record<MatrixSort, string> = {
  name: "Name",
  progress: "Progress (least first)",
  "progress-desc": "Progress (most first)",
  risk: "At risk first",
};

export const NOT_FOUND_BODY = "Not found";
