"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import type { ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { claimReviewAction, releaseReviewAction } from "@/lib/features/reviews/actions";
import type { ClaimView } from "@/lib/features/reviews/types";

/** The id the review screen's `c` shortcut presses. */
export const CLAIM_BUTTON_ID = "review-claim";

/** A claim as shown: the optimistic one has no time until the server answers with it. */
type ShownClaim = Pick<ClaimView, "byViewer" | "name"> & { untilClock: string | null };

/**
 * "Claim" / "Release" with the claim's holder. Optimistic: the label changes at once and goes back with a toast
 * if the server refuses (someone else got there first, the attempt was decided…). Times arrive formatted on the
 * cohort's clock, from the page and from the claim's answer, so the button ships no date code.
 */
export function ClaimButton({
  submissionId,
  claim,
  learnerName,
  withShortcut = false,
  icons,
  className,
}: {
  submissionId: string;
  claim: ClaimView | null;
  /** Names the attempt for screen readers when several claim buttons share a page. */
  learnerName: string;
  /** The review screen's single claim button answers to `c`. */
  withShortcut?: boolean;
  /** Drawn on the server and handed in, so the button's code carries no icons (docs/performance.md). */
  icons: { held: ReactNode; mine: ReactNode };
  className?: string;
}) {
  const router = useRouter();
  // Local state belongs to the claim it was made against: a server re-render with a new claim wins.
  const [local, setLocal] = useState<{ base: ClaimView | null; claim: ShownClaim | null; busy: boolean }>({
    base: claim,
    claim,
    busy: false,
  });
  const current = local.base === claim ? local : { base: claim, claim, busy: false };
  const shown = current.claim;
  const { run } = useAction({ unreachable: "Cairn could not be reached; the claim is unchanged.", fields: false });

  async function toggle() {
    const releasing = shown?.byViewer === true;
    setLocal({ base: claim, claim: releasing ? null : { byViewer: true, name: "you", untilClock: null }, busy: true });
    const result = await run<ActionResult<{ untilClock: string } | undefined>>(() =>
      releasing ? releaseReviewAction({ submissionId }) : claimReviewAction({ submissionId }),
    );
    if (!result?.ok) {
      setLocal({ base: claim, claim, busy: false });
      router.refresh();
      return;
    }
    const untilClock = result.data?.untilClock ?? null;
    setLocal({ base: claim, claim: untilClock ? { byViewer: true, name: "you", untilClock } : null, busy: false });
    router.refresh();
  }

  if (shown && !shown.byViewer) {
    return (
      <span className={cn("inline-flex items-center gap-1.5 text-xs font-medium text-status-warning-fg", className)}>
        {icons.held}
        <span title={`Until ${shown.untilClock}`}>Claimed by {shown.name}</span>
      </span>
    );
  }
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-2", className)}>
      {shown ? (
        <span className="inline-flex items-center gap-1.5 text-xs font-medium text-accent">
          {icons.mine}
          <span>
            Claimed by you
            {shown.untilClock ? <span className="font-normal text-muted-foreground"> until {shown.untilClock}</span> : null}
          </span>
        </span>
      ) : null}
      <Button
        id={withShortcut ? CLAIM_BUTTON_ID : undefined}
        type="button"
        size="sm"
        variant="secondary"
        loading={current.busy}
        aria-label={`${shown ? "Release" : "Claim"} ${learnerName}'s attempt`}
        aria-keyshortcuts={withShortcut ? "c" : undefined}
        title={withShortcut ? `${shown ? "Release" : "Claim"} (c)` : undefined}
        onClick={toggle}
      >
        {shown ? "Release" : "Claim"}
      </Button>
    </span>
  );
}
