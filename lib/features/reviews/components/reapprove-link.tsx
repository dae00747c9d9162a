"use client";

import { lazy, Suspense } from "react";

// Few review screens and queues have a learner's replacement link waiting, so the button's code loads only where
// the server draws one (its HTML comes with the page as before) instead of with every page that could show one.
const ReapproveLinkButton = lazy(() =>
  import("@/lib/features/reviews/components/reapprove-link-button").then((module) => ({ default: module.ReapproveLinkButton })),
);

/** "Re-approve link" under a replaced link, loaded with the first one the page shows. */
export function ReapproveLink({ linkId, replacementUrl }: { linkId: string; replacementUrl: string }) {
  return (
    <Suspense fallback={null}>
      <ReapproveLinkButton linkId={linkId} replacementUrl={replacementUrl} />
    </Suspense>
  );
}
