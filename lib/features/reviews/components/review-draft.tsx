"use client";

import { createContext, useContext, useRef, useState, type ReactNode, type RefObject } from "react";
import { applyChecklist, checklistFeedback, suggestedDecision } from "@/lib/features/reviews/utils";

type Draft = {
  comment: string;
  setComment: (comment: string) => void;
  commentRef: RefObject<HTMLTextAreaElement | null>;
  checked: boolean[];
  /** Set once the mentor ticked or unticked a criterion. */
  touched: boolean;
  /** The mentor edited what the checklist wrote, so it no longer writes. */
  detached: boolean;
  toggle: (index: number, on: boolean) => void;
  suggested: "approve" | "request_changes" | null;
  /** Forget the checklist's text after the comment was sent. */
  reset: () => void;
};

const DraftContext = createContext<Draft | null>(null);

export function useReviewDraft(): Draft {
  const draft = useContext(DraftContext);
  if (!draft) throw new Error("useReviewDraft needs a ReviewDraft around it");
  return draft;
}

/**
 * The review screen's one comment box and its "Done when" checklist share this state: ticking a criterion writes
 * the feedback into the box (docs/decisions/045-one-comment-box-and-a-review-checklist.md), and the pinned bar sends it.
 */
export function ReviewDraft({ criteria, children }: { criteria: string[]; children: ReactNode }) {
  const [comment, setComment] = useState("");
  const [checked, setChecked] = useState<boolean[]>(() => criteria.map(() => false));
  const [written, setWritten] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [detached, setDetached] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  function toggle(index: number, on: boolean) {
    const next = checked.map((value, at) => (at === index ? on : value));
    const draft = applyChecklist(comment, written, checklistFeedback(criteria, next));
    setChecked(next);
    setTouched(true);
    setComment(draft.comment);
    setWritten(draft.written);
    setDetached(draft.detached);
  }

  function reset() {
    setComment("");
    setWritten(null);
    setDetached(false);
  }

  const value: Draft = {
    comment,
    setComment,
    commentRef,
    checked,
    touched,
    detached,
    toggle,
    suggested: touched && criteria.length > 0 ? suggestedDecision(checked) : null,
    reset,
  };
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

/**
 * "Done when" as checkboxes. Labels are the criteria rendered on the server (Markdown), so no Markdown code ships.
 * Ticking all suggests Approve, any left suggests Request changes: a hint in the bar's buttons, never a block.
 */
export function DoneWhenChecklist({ labels }: { labels: ReactNode[] }) {
  const { checked, toggle, suggested, detached } = useReviewDraft();
  const open = checked.filter((value) => !value).length;
  return (
    <fieldset className="grid gap-2">
      <legend className="sr-only">Criteria met by this attempt</legend>
      <ul className="grid gap-1">
        {labels.map((label, index) => (
          <li key={index}>
            <label className="flex cursor-pointer items-start gap-2.5 rounded-md px-2 py-1 text-sm hover:bg-surface-muted">
              <input
                type="checkbox"
                checked={checked[index] ?? false}
                onChange={(event) => toggle(index, event.target.checked)}
                className="mt-1 size-4 shrink-0 accent-accent"
              />
              <span className="min-w-0 break-words">{label}</span>
            </label>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="text-xs text-muted-foreground">
        {suggested === null
          ? "Tick what this attempt meets: the comment box gets a Met / Not yet list."
          : suggested === "approve"
            ? "Every criterion is met: Approve is suggested."
            : `${open === 1 ? "1 criterion is" : `${open} criteria are`} not met yet: Request changes is suggested.`}
        {detached ? " You edited the list in the comment box, so ticking no longer changes it." : null}
      </p>
    </fieldset>
  );
}
