import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Check } from "@/components/ui/icons/check";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { Keyboard } from "@/components/ui/icons/keyboard";
import { LockKeyhole } from "@/components/ui/icons/lock-keyhole";
import { MessageSquare } from "@/components/ui/icons/message-square";
import { RotateCcw } from "@/components/ui/icons/rotate-ccw";
import { ScrollText } from "@/components/ui/icons/scroll-text";
import { Kbd } from "@/components/ui/kbd";
import { DecisionBar, type DecisionBarDrawn } from "@/lib/features/reviews/components/decision-bar";
import type { SavedReplyView } from "@/lib/features/reviews/types";

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

/** A decision button's label in both tones: its key is light on the primary (accent) button. */
function decisionLabel(icon: ReactNode, text: string, key: string): Record<"primary" | "secondary", ReactNode> {
  const label = (tone: "accent" | "muted") => (
    <>
      {icon}
      {text}
      <Kbd aria-hidden tone={tone} from="md">
        {key}
      </Kbd>
    </>
  );
  return { primary: label("accent"), secondary: label("muted") };
}

/**
 * The review screen's bar, pinned to the bottom: why the viewer cannot decide (if so), then `DecisionBar` with its
 * one comment box. Everything that never changes after load is drawn here on the server and handed in, so the bar's
 * browser code carries only what reacts to the mentor (docs/performance.md).
 */
export function ReviewBar({
  submissionId,
  pending,
  closedText,
  blockedText,
  nextHref,
  learnerName,
  savedReplies,
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
  savedReplies: SavedReplyView[];
}) {
  const canDecide = pending && !blockedText;
  const drawn: DecisionBarDrawn = {
    labels: {
      savedReplies: (
        <>
          <ScrollText aria-hidden />
          Saved replies
        </>
      ),
      comment: (
        <>
          <MessageSquare aria-hidden />
          {canDecide ? "Comment only" : "Comment"}
        </>
      ),
      request: decisionLabel(<RotateCcw aria-hidden />, "Request changes", "r"),
      approve: decisionLabel(<Check aria-hidden />, "Approve", "a"),
      help: (
        <>
          <Keyboard aria-hidden />
          all shortcuts <Kbd>?</Kbd>
        </>
      ),
    },
    armed: (
      <>
        <Kbd>Enter</Kbd> approves · <Kbd>Esc</Kbd> cancels
      </>
    ),
    hints: (
      <>
        {canDecide ? (
          <>
            <Hint keys={["a"]}>approve</Hint>
            <Hint keys={["r"]}>request changes</Hint>
          </>
        ) : null}
        <Hint keys={["Ctrl", "Enter"]}>{canDecide ? "request changes from the box" : "send from the box"}</Hint>
        <Hint keys={["/"]}>saved replies</Hint>
        <Hint keys={["n"]}>next</Hint>
        <Hint keys={["c"]}>claim</Hint>
      </>
    ),
    // Phones keep the pinned bar short; the refusal under the field says the same thing when it matters.
    hint: (
      <span className="hidden md:inline">
        {canDecide
          ? `Markdown. Goes to ${learnerName} with your decision (required to request changes), or alone with “Comment only”.`
          : `Markdown. Posted to the conversation; ${learnerName} is notified.`}
      </span>
    ),
    placeholder: canDecide ? "What is good, what needs to change…" : `Write to ${learnerName}…`,
    next: (
      <Button asChild variant="ghost" size="sm" className="-mr-2 ml-auto">
        <Link href={nextHref} aria-keyshortcuts="n" title="Next attempt (n)">
          Next attempt
          <ChevronRight aria-hidden />
        </Link>
      </Button>
    ),
  };

  return (
    <div className="sticky bottom-0 z-10 -mx-page mt-8 border-t border-border bg-surface px-page py-3 shadow-[0_-4px_16px_rgb(15_16_19/0.06)] lg:-mx-page-lg lg:px-page-lg">
      <section aria-label={canDecide ? "Decision" : "Comment on this milestone"} className="relative mx-auto grid max-w-content gap-2">
        {canDecide ? null : (
          <p className="flex items-center gap-2 text-sm">
            {blockedText ? (
              <span className="shrink-0 text-status-warning-fg [&_svg]:size-4">
                <LockKeyhole aria-hidden />
              </span>
            ) : null}
            <span>{blockedText ?? closedText ?? "This attempt no longer waits for a decision."}</span>
          </p>
        )}
        <DecisionBar
          key={submissionId}
          submissionId={submissionId}
          canDecide={canDecide}
          nextHref={nextHref}
          learnerName={learnerName}
          savedReplies={savedReplies}
          drawn={drawn}
        />
      </section>
    </div>
  );
}
