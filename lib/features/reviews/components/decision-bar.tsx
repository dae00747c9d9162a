"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { addMentorCommentAction, decideReviewAction } from "@/lib/features/reviews/actions";
import { CLAIM_BUTTON_ID } from "@/lib/features/reviews/components/claim-button";
import { useReviewDraft } from "@/lib/features/reviews/components/review-draft";
import type { SavedReplyView } from "@/lib/features/reviews/types";
import { insertAtCursor } from "@/lib/features/reviews/utils";
import { isTypingTarget } from "@/lib/keyboard";

// Radix's dialog loads when someone first asks for the shortcuts, the saved replies' picker when someone first opens
// it (decision 023).
const ShortcutsDialog = lazy(() =>
  import("@/lib/features/reviews/components/shortcuts-dialog").then((module) => ({ default: module.ShortcutsDialog })),
);
const SavedReplyPicker = lazy(() =>
  import("@/lib/features/reviews/components/saved-reply-picker").then((module) => ({ default: module.SavedReplyPicker })),
);

type Send = "approve" | "request_changes" | "comment";

/**
 * What never changes after load, drawn by `ReviewBar` on the server so the bar's code carries none of it
 * (docs/performance.md): the buttons' labels with their icons and keys, the decisions' in both tones (the
 * checklist's suggestion decides which one is primary); the line shown while Approve waits for Enter; the row of
 * key hints; the comment box's hint and placeholder; the "Next attempt" link.
 */
export type DecisionBarDrawn = {
  labels: Record<"savedReplies" | "comment" | "help", ReactNode> & Record<"request" | "approve", Record<"primary" | "secondary", ReactNode>>;
  armed: ReactNode;
  hints: ReactNode;
  hint: ReactNode;
  placeholder: string;
  next: ReactNode;
};

/**
 * The review screen's one comment box, inside `ReviewBar`, and the screen's keyboard (documented in
 * REVIEW_SHORTCUTS). The box's text goes with the button pressed: Approve or Request changes (the decision's
 * feedback the learner reads), or "Comment only" (a message in the milestone's conversation). A decision is final,
 * so no single key makes one: `a` moves to "Approve" and Enter confirms; `r` opens the comment box, and only with a
 * comment written does `r` (or Ctrl/⌘+Enter in the box) send "Request changes". `/` opens the saved replies.
 */
export function DecisionBar({
  submissionId,
  canDecide,
  nextHref,
  learnerName,
  savedReplies,
  drawn: { labels, armed: armedHint, hints, hint, placeholder, next },
}: {
  submissionId: string;
  /** The attempt waits for a decision and nobody else holds its claim; otherwise the box only comments. */
  canDecide: boolean;
  nextHref: string;
  learnerName: string;
  savedReplies: SavedReplyView[];
  /** Drawn for this attempt's state: texts and hints differ when the viewer cannot decide. */
  drawn: DecisionBarDrawn;
}) {
  const router = useRouter();
  const { comment, setComment, commentRef, suggested, reset } = useReviewDraft();
  const [errors, setErrors] = useState<string[] | undefined>();
  const [choice, setChoice] = useState<Send | null>(null);
  const sending = useAction({ unreachable: "Cairn could not be reached. Nothing was sent.", fields: ["comment", "body"] });
  const busy = sending.pending ? choice : null;
  const [armed, setArmed] = useState(false);
  // null until first asked for; from then on the dialog stays mounted, so it closes as it opened.
  const [help, setHelp] = useState<boolean | null>(null);
  const [picker, setPicker] = useState(false);
  // Where the cursor was in the box when the picker opened: a saved reply goes there.
  const selection = useRef({ start: 0, end: 0 });
  const approveRef = useRef<HTMLButtonElement>(null);
  const requestFirst = canDecide && suggested === "request_changes";

  function refuse(messages: string[]) {
    setErrors(messages);
    commentRef.current?.focus();
  }

  async function send(what: Send) {
    if (busy) return;
    if (what === "request_changes" && comment.trim() === "") return refuse(["Say what needs to change: a comment is required to request changes."]);
    if (what === "comment" && comment.trim() === "") return refuse(["Write a comment first."]);
    setChoice(what);
    if (what === "comment") {
      const result = await sending.run(() => addMentorCommentAction({ submissionId, body: comment }));
      if (!result) return;
      if (!result.ok) {
        if (result.fieldErrors?.body) refuse(result.fieldErrors.body);
        return;
      }
      reset();
      toast({ title: `Comment sent to ${learnerName}.`, variant: "success" });
      router.refresh();
      return;
    }
    const result = await sending.run(() => decideReviewAction({ submissionId, decision: what, comment }), { leaving: true });
    if (!result) return;
    if (!result.ok) {
      if (result.fieldErrors?.comment) return refuse(result.fieldErrors.comment);
      // Someone else decided, the learner withdrew, a claim appeared: show the attempt as it is now.
      router.refresh();
      return;
    }
    toast({
      title: what === "approve" ? `Approved ${learnerName}'s attempt.` : `Asked ${learnerName} for changes.`,
      variant: "success",
    });
    router.push(nextHref);
  }

  function openPicker() {
    const box = commentRef.current;
    selection.current = box ? { start: box.selectionStart, end: box.selectionEnd } : { start: comment.length, end: comment.length };
    setPicker(true);
  }

  function insert(body: string) {
    const { text, cursor } = insertAtCursor(comment, selection.current.start, selection.current.end, body);
    setComment(text);
    setPicker(false);
    if (errors) setErrors(undefined);
    requestAnimationFrame(() => {
      commentRef.current?.focus();
      commentRef.current?.setSelectionRange(cursor, cursor);
    });
  }

  // The handler is re-bound on every render so it always sees the current comment; the listener is cheap.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    onKey.current = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || help || picker) return;
      if (event.key === "Escape" && armed) {
        approveRef.current?.blur();
        return;
      }
      // A ticked criterion keeps the focus; isTypingTarget lets letters typed on a checkbox through to the screen.
      if (isTypingTarget(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelp(true);
      } else if (event.key === "/") {
        event.preventDefault();
        openPicker();
      } else if (event.key === "n") {
        event.preventDefault();
        router.push(nextHref);
      } else if (event.key === "c") {
        const claim = document.getElementById(CLAIM_BUTTON_ID);
        if (!claim) return;
        event.preventDefault();
        claim.click();
      } else if (event.key === "a" && canDecide) {
        event.preventDefault();
        approveRef.current?.focus();
        setArmed(true);
      } else if (event.key === "r" && canDecide) {
        event.preventDefault();
        if (comment.trim() === "") commentRef.current?.focus();
        else void send("request_changes");
      }
    };
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  function onCommentKey(event: ReactKeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send(canDecide ? "request_changes" : "comment");
    } else if (event.key === "/" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      openPicker();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.currentTarget.blur();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(canDecide ? "approve" : "comment");
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="grid gap-2 md:grid-cols-[minmax(0,1fr)_auto] md:items-start md:gap-x-3">
        <Field label="Comment" hint={hint} errors={errors}>
          <Textarea
            ref={commentRef}
            rows={1}
            value={comment}
            placeholder={placeholder}
            aria-keyshortcuts={canDecide ? "r" : undefined}
            onChange={(event) => {
              setComment(event.target.value);
              if (errors) setErrors(undefined);
            }}
            onKeyDown={onCommentKey}
            // Grows with what is typed, so the pinned bar stays small on a phone until a comment needs room.
            grow
          />
        </Field>
        <div className="grid gap-1 md:pt-6">
          <div className="flex flex-wrap items-center gap-2">
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-keyshortcuts="/"
              aria-expanded={picker}
              title="Saved replies (/)"
              onClick={() => (picker ? setPicker(false) : openPicker())}
            >
              {labels.savedReplies}
            </Button>
            <Button
              type={canDecide ? "button" : "submit"}
              variant={canDecide ? "ghost" : "primary"}
              size={canDecide ? "sm" : "md"}
              loading={busy === "comment"}
              disabled={busy !== null}
              title="Post to the conversation without deciding"
              onClick={canDecide ? () => void send("comment") : undefined}
            >
              {labels.comment}
            </Button>
            {canDecide ? (
              <>
                <Button
                  type="button"
                  variant={requestFirst ? "primary" : "secondary"}
                  loading={busy === "request_changes"}
                  disabled={busy !== null}
                  aria-keyshortcuts="r"
                  title="Request changes (r)"
                  onClick={() => void send("request_changes")}
                  className="grow md:grow-0"
                >
                  {requestFirst ? labels.request.primary : labels.request.secondary}
                </Button>
                <Button
                  ref={approveRef}
                  type="submit"
                  variant={requestFirst ? "secondary" : "primary"}
                  loading={busy === "approve"}
                  disabled={busy !== null}
                  aria-keyshortcuts="a"
                  title="Approve (a, then Enter)"
                  onBlur={() => setArmed(false)}
                  className="grow md:grow-0"
                >
                  {requestFirst ? labels.approve.secondary : labels.approve.primary}
                </Button>
              </>
            ) : null}
          </div>
          <p aria-live="polite" className="text-xs text-muted-foreground empty:hidden md:text-right">
            {armed ? armedHint : null}
          </p>
        </div>
      </form>
      {picker ? (
        <Suspense fallback={null}>
          <SavedReplyPicker
            replies={savedReplies}
            comment={comment}
            onInsert={insert}
            onClose={() => {
              setPicker(false);
              commentRef.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
      <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <p className="hidden flex-wrap items-center gap-x-3 gap-y-1 md:flex">
          {hints}
          <button
            type="button"
            onClick={() => setHelp(true)}
            className="inline-flex items-center gap-1 rounded-sm hover:text-foreground hover:underline [&_svg]:size-3.5"
          >
            {labels.help}
          </button>
        </p>
        {next}
      </div>
      {help === null ? null : (
        <Suspense fallback={null}>
          <ShortcutsDialog open={help} onOpenChange={setHelp} />
        </Suspense>
      )}
    </>
  );
}
