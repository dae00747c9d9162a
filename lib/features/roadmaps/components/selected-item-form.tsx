"use client";

import { lazy, type ComponentProps } from "react";
import type { MilestoneForm as MilestoneFormModule } from "@/lib/features/roadmaps/components/milestone-form";
import type { PhaseForm as PhaseFormModule } from "@/lib/features/roadmaps/components/phase-form";
import type { ProjectForm as ProjectFormModule } from "@/lib/features/roadmaps/components/project-form";
import type { DetailsForm as DetailsFormModule } from "@/lib/features/roadmaps/components/version-forms";

// The editor shows one item's form at a time, so each kind's form is a chunk of its own and the page loads only the
// one it shows. No Suspense boundary waits for it: the server sends the form as part of the page, as before, and
// hydration (and, opening another item, the navigation) waits for its chunk instead of showing a placeholder.
const PhaseForm = lazy(() => import("@/lib/features/roadmaps/components/phase-form").then((module) => ({ default: module.PhaseForm })));
const MilestoneForm = lazy(() =>
  import("@/lib/features/roadmaps/components/milestone-form").then((module) => ({ default: module.MilestoneForm })),
);
const ProjectForm = lazy(() => import("@/lib/features/roadmaps/components/project-form").then((module) => ({ default: module.ProjectForm })));
const loadVersionForms = () => import("@/lib/features/roadmaps/components/version-forms");
const VERSION_FORMS = {
  details: lazy(() => loadVersionForms().then((module) => ({ default: module.DetailsForm }))),
  rule: lazy(() => loadVersionForms().then((module) => ({ default: module.WeeklyRuleForm }))),
  criteria: lazy(() => loadVersionForms().then((module) => ({ default: module.CriteriaForm }))),
  notes: lazy(() => loadVersionForms().then((module) => ({ default: module.NotesForm }))),
};

/** Which form the editor shows, and its props. */
export type ItemFormChoice =
  | { kind: "phase"; props: ComponentProps<typeof PhaseFormModule> }
  | { kind: "milestone"; props: ComponentProps<typeof MilestoneFormModule> }
  | { kind: "project"; props: ComponentProps<typeof ProjectFormModule> }
  | { kind: keyof typeof VERSION_FORMS; props: ComponentProps<typeof DetailsFormModule> };

function Form({ choice }: { choice: ItemFormChoice }) {
  switch (choice.kind) {
    case "phase":
      return <PhaseForm {...choice.props} />;
    case "milestone":
      return <MilestoneForm {...choice.props} />;
    case "project":
      return <ProjectForm {...choice.props} />;
    default: {
      const VersionForm = VERSION_FORMS[choice.kind];
      return <VersionForm {...choice.props} />;
    }
  }
}

/** The selected item's form, remounted for each item (`itemKey`), so no state of one item's form carries over to the next. */
export function SelectedItemForm({ itemKey, choice }: { itemKey: string; choice: ItemFormChoice }) {
  return (
    <div key={itemKey}>
      <Form choice={choice} />
    </div>
  );
}
