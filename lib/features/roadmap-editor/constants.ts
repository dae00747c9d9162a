import type { UseActionOptions } from "@/components/use-action";

export const ROADMAP_NOT_FOUND = "This roadmap does not exist.";
export const ITEM_NOT_FOUND = "This item does not exist.";

export const ITEM_CONFLICT_MESSAGE =
  "Someone else saved this while you were editing, so nothing was saved. Their changes are now in the form; where you changed a field too, yours is kept.";

export const OUTLINE_CONFLICT_MESSAGE = "The outline changed since you loaded it. Nothing was moved; the latest order is shown now.";

export const KEY_LOCKED_MESSAGE = "Learners have progress on this key, so it can no longer change.";

export const KIND_LABEL = { phase: "Phase", milestone: "Milestone", project: "Project" } as const;

/** How every editor control reports a save that did not happen; conflicts and field errors stay in the form. */
export const EDITOR_SAVE = {
  unreachable: "Nothing was saved; try again.",
  sayUnreachable: { toast: "Cairn could not be reached" },
  say: { toast: "Not saved" },
  handles: ["CONFLICT"],
} as const satisfies UseActionOptions;
