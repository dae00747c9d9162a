"use client";

import { lazy, type ComponentProps } from "react";
import { WhenOpened } from "@/components/ui/when-opened";

// Most visits to the roadmap never open a criterion: its form's code loads with the first one opened (decision 068).
const CriterionForm = lazy(() =>
  import("@/lib/features/progress/components/criterion-form").then((module) => ({ default: module.CriterionForm })),
);

/** The self-assessment form of a criterion whose line (a `<details>`) has been opened. */
export function CriterionFormWhenOpened(props: ComponentProps<typeof CriterionForm>) {
  return (
    <WhenOpened fallback={<p className="text-sm text-muted-foreground">Loading the form…</p>}>
      <CriterionForm {...props} />
    </WhenOpened>
  );
}
