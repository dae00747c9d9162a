"use client";

import { Check } from "@/components/ui/icons/check";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { Keyboard } from "@/components/ui/icons/keyboard";
import { LockKeyhole } from "@/components/ui/icons/lock-keyhole";
import { RotateCcw } from "@/components/ui/icons/rotate-ccw";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Kbd } from "@/components/ui/kbd";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { decideReviewAction } from "@/lib/features/reviews/actions";
import { CLAIM_BUTTON_ID } from "@/lib/features/reviews/components/claim-button";
import { isTypingTarget } from "@/lib/keyboard";

// Radix's dialog loads when someone first asks for the shortcuts (decision 023).
const ShortcutsDialog = lazy(() =>
  import("@/lib/features/reviews/components/shortcuts-dialog").then((module) => ({ default: module.ShortcutsDialog })),
);

type Decision = "approve" | "request_changes";

function Hint({ keys, children }: { keys: string[]; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1">
      {keys.map((key, index) => (
        <span key={key} className="inline-flex items-center gap-1">
          {index > 0 ? "+" : null}
          <Kbd>{key}</Kbd>
        </span>
      ))}
      <span>{children}</span>
    </span>
  );
}

/**
 * The decision bar pinned to the bottom of the review screen, and the screen's keyboard (documented in
 * REVIEW_SHORTCUTS). A decision is final, so no single key makes one: `a` moves to "Approve" and Enter confirms;
 * `r` opens the comment box, and only with a comment written does `r` (or Ctrl/⌘+Enter in the box) send
 * "Request changes". `n` moves on without deciding.
 */
export function DecisionBar({
  submissionId,
  pending,
  closedText,
  blockedText,
  nextHref,
  learnerName,
}: {
  submissionId: string;
  /** The attempt still waits for a decision. */
  pending: boolean;
  /** What happened to an attempt that no longer waits ("Approved by … on …"). */
  closedText: string | null;
  /** Why the viewer cannot decide now (someone else holds the claim), or null. */
  blockedText: string | null;
  nextHref: string;
  learnerName: string;
}) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();
  const [choice, setChoice] = useState<Decision | null>(null);
  const deciding = useAction({ unreachable: "Cairn could not be reached. Nothing was decided.", fields: ["comment"] });
  const busy = deciding.pending ? choice : null;
  const [armed, setArmed] = useState(false);
  // null until the shortcuts are first asked for; from then on the dialog stays mounted, so it closes as it opened.
  const [help, setHelp] = useState<boolean | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const approveRef = useRef<HTMLButtonElement>(null);
  const canDecide = pending && !blockedText;

  async function decide(decision: Decision) {
    if (busy) return;
    if (decision === "request_changes" && comment.trim() === "") {
      setErrors(["Say what needs to change: a comment is required to request changes."]);
      commentRef.current?.focus();
      return;
    }
    setChoice(decision);
    const result = await deciding.run(() => decideReviewAction({ submissionId, decision, comment }), { leaving: true });
    if (!result) return;
    if (!result.ok) {
      if (result.fieldErrors?.comment) {
        setErrors(result.fieldErrors.comment);
        commentRef.current?.focus();
        return;
      }
      // Someone else decided, the learner withdrew, a claim appeared: show the attempt as it is now.
      router.refresh();
      return;
    }
    toast({
      title: decision === "approve" ? `Approved ${learnerName}'s attempt.` : `Asked ${learnerName} for changes.`,
      variant: "success",
    });
    router.push(nextHref);
  }

  // The handler is re-bound on every render so it always sees the current comment; the listener is cheap.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    onKey.current = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || help) return;
      if (event.key === "Escape" && armed) {
        approveRef.current?.blur();
        return;
      }
      if (isTypingTarget(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelp(true);
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
        else void decide("request_changes");
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
      void decide("request_changes");
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.currentTarget.blur();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void decide("approve");
  }

  const next = (
    <Link href={nextHref} aria-keyshortcuts="n" title="Next attempt (n)">
      Next attempt
      <ChevronRight aria-hidden />
    </Link>
  );

  return (
    <div className="sticky bottom-0 z-10 -mx-page mt-8 border-t border-border bg-surface px-page py-3 shadow-[0_-4px_16px_rgb(15_16_19/0.06)] lg:-mx-page-lg lg:px-page-lg">
      <section aria-label="Decision" className="mx-auto grid max-w-content gap-2">
        {canDecide ? (
          <form onSubmit={onSubmit} noValidate className="grid gap-2 md:grid-cols-[minmax(0,1fr)_auto] md:items-start md:gap-x-3">
            <Field
              label="Comment"
              // Phones keep the pinned bar short; the refusal under the field says the same thing when it matters.
              hint={<span className="hidden md:inline">Markdown. Required to request changes, optional to approve.</span>}
              errors={errors}
            >
              <Textarea
                ref={commentRef}
                rows={1}
                value={comment}
                placeholder="What is good, what needs to change…"
                aria-keyshortcuts="r"
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
                  variant="secondary"
                  loading={busy === "request_changes"}
                  disabled={busy !== null}
                  aria-keyshortcuts="r"
                  title="Request changes (r)"
                  onClick={() => void decide("request_changes")}
                  className="grow basis-0 md:grow-0 md:basis-auto"
                >
                  <RotateCcw aria-hidden />
                  Request changes
                  <Kbd aria-hidden from="md">
                    r
                  </Kbd>
                </Button>
                <Button
                  ref={approveRef}
                  type="submit"
                  loading={busy === "approve"}
                  disabled={busy !== null}
                  aria-keyshortcuts="a"
                  title="Approve (a, then Enter)"
                  onBlur={() => setArmed(false)}
                  className="grow basis-0 md:grow-0 md:basis-auto"
                >
                  <Check aria-hidden />
                  Approve
                  <Kbd aria-hidden tone="accent" from="md">
                    a
                  </Kbd>
                </Button>
              </div>
              <p aria-live="polite" className="text-xs text-muted-foreground empty:hidden md:text-right">
                {armed ? (
                  <>
                    <Kbd>Enter</Kbd> approves · <Kbd>Esc</Kbd> cancels
                  </>
                ) : null}
              </p>
            </div>
          </form>
        ) : (
          <p className="flex items-center gap-2 text-sm">
            {blockedText ? <LockKeyhole aria-hidden className="size-4 shrink-0 text-status-warning-fg" /> : null}
            <span>{blockedText ?? closedText ?? "This attempt no longer waits for a decision."}</span>
          </p>
        )}
        <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
          <p className="hidden flex-wrap items-center gap-x-3 gap-y-1 md:flex">
            {canDecide ? (
              <>
                <Hint keys={["a"]}>approve</Hint>
                <Hint keys={["r"]}>request changes</Hint>
                <Hint keys={["Ctrl", "Enter"]}>send from the comment box</Hint>
              </>
            ) : null}
            <Hint keys={["n"]}>next</Hint>
            <Hint keys={["c"]}>claim</Hint>
            <button
              type="button"
              onClick={() => setHelp(true)}
              className="inline-flex items-center gap-1 rounded-sm hover:text-foreground hover:underline"
            >
              <Keyboard aria-hidden className="size-3.5" />
              all shortcuts <Kbd>?</Kbd>
            </button>
          </p>
          <Button asChild variant="ghost" size="sm" className="-mr-2 ml-auto">
            {next}
          </Button>
        </div>
      </section>
      {help === null ? null : (
        <Suspense fallback={null}>
          <ShortcutsDialog open={help} onOpenChange={setHelp} />
        </Suspense>
      )}
    </div>
  );
}
