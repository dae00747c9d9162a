import { CircleAlert } from "@/components/ui/icons/circle-alert";
import { CircleDot } from "@/components/ui/icons/circle-dot";
import { CircleMinus } from "@/components/ui/icons/circle-minus";
import { CirclePlus } from "@/components/ui/icons/circle-plus";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { RoadmapImportPreview, RoadmapImportProblem } from "@/lib/features/roadmaps/types";

/** Every problem the parser found, each with its line (Markdown) or JSON path. */
export function ImportProblems({ problems, id }: { problems: RoadmapImportProblem[]; id?: string }) {
  return (
    <section
      id={id}
      role="alert"
      aria-labelledby={id ? `${id}-heading` : undefined}
      className="grid gap-2 rounded-lg border border-status-danger-border bg-status-danger-subtle p-3 text-sm text-status-danger-fg sm:p-4"
    >
      <h2 id={id ? `${id}-heading` : undefined} className="flex items-start gap-2 font-semibold">
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        {problems.length === 1 ? "The roadmap has 1 problem" : `The roadmap has ${problems.length} problems`}; nothing was
        imported.
      </h2>
      <ol className="grid gap-1.5 ps-6">
        {problems.map((problem, index) => (
          <li key={`${problem.where}-${index}`} className="break-words">
            <span className="font-mono text-xs font-semibold">{problem.where}</span>
            <span className="text-foreground">: {problem.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

const COUNT_LABELS: { key: keyof RoadmapImportPreview["counts"]; one: string; many: string }[] = [
  { key: "phases", one: "phase", many: "phases" },
  { key: "milestones", one: "milestone", many: "milestones" },
  { key: "projects", one: "portfolio project", many: "portfolio projects" },
  { key: "weeklyRule", one: "weekly rule item", many: "weekly rule items" },
  { key: "criteria", one: "success criterion", many: "success criteria" },
  { key: "notes", one: "note", many: "notes" },
];

function KeyList({ title, icon, keys, hint }: { title: string; icon: ReactNode; keys: string[]; hint: string }) {
  return (
    <div className="grid content-start gap-1.5">
      <h4 className="flex items-center gap-1.5 text-sm font-medium">
        {icon}
        {title} <span className="tabular-nums text-muted-foreground">({keys.length})</span>
      </h4>
      <p className="text-xs text-muted-foreground">{hint}</p>
      {keys.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {keys.map((key) => (
            <li key={key}>
              <code className="rounded-sm bg-surface-muted px-1.5 py-0.5 font-mono text-xs break-all">{key}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What "Import as draft" would create: nothing here is written yet. */
export function ImportPreview({ preview }: { preview: RoadmapImportPreview }) {
  const { target, counts, outline, changes } = preview;
  return (
    <section aria-labelledby="import-preview-heading" className="grid gap-5">
      <div className="grid gap-1">
        <h2 id="import-preview-heading" className="text-base font-semibold">
          Preview
        </h2>
        <p className="text-sm text-muted-foreground">Nothing has been imported yet. Check the outline, then import it as a draft.</p>
      </div>

      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="text-muted-foreground">Roadmap</dt>
        <dd className="font-medium break-words">{preview.title}</dd>
        <dt className="text-muted-foreground">Slug</dt>
        <dd>
          <code className="font-mono text-xs break-all">{preview.slug}</code>
        </dd>
        <dt className="text-muted-foreground">Creates</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {target.kind === "new" ? (
            <>
              <Badge variant="info">New roadmap</Badge>
              <span>Version 1, as a draft.</span>
            </>
          ) : (
            <>
              <Badge variant="info">{`Version ${target.number}`}</Badge>
              <span className="break-words">
                The next version of “{target.roadmapName}”, as a draft. Earlier versions and the cohorts on them stay as they
                are.
              </span>
            </>
          )}
        </dd>
        <dt className="text-muted-foreground">Contents</dt>
        <dd>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {COUNT_LABELS.map(({ key, one, many }) => (
              <li key={key}>
                <span className="font-semibold tabular-nums">{counts[key]}</span> {counts[key] === 1 ? one : many}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      {changes ? (
        <section aria-labelledby="import-changes-heading" className="grid gap-3 rounded-lg border border-border p-3 sm:p-4">
          <h3 id="import-changes-heading" className="text-sm font-semibold">
            Keys compared with version {changes.comparedWith}
          </h3>
          <div className="grid gap-4 sm:grid-cols-3">
            <KeyList
              title="Added"
              icon={<CirclePlus aria-hidden className="size-4 text-status-info-fg" />}
              keys={changes.added}
              hint="New milestones and projects."
            />
            <KeyList
              title="Changed"
              icon={<CircleDot aria-hidden className="size-4 text-status-warning-fg" />}
              keys={changes.changed}
              hint="Same key, different content or phase; progress carries over."
            />
            <KeyList
              title="Removed"
              icon={<CircleMinus aria-hidden className="size-4 text-status-danger-fg" />}
              keys={changes.removed}
              hint="Not in this file. Learners keep their work, but this version will not show them."
            />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="import-outline-heading" className="grid gap-2">
        <h3 id="import-outline-heading" className="text-sm font-semibold">
          Outline
        </h3>
        <ol className="grid gap-3">
          {outline.map((phase, index) => (
            <li key={phase.key} className="grid gap-1.5">
              <p className="text-sm font-medium break-words">
                Phase {index + 1}: {phase.title}{" "}
                <code className="font-mono text-xs font-normal text-muted-foreground break-all">{phase.key}</code>
              </p>
              <ul className="grid gap-1 border-s border-border ps-3 text-sm">
                {phase.milestones.map((milestone) => (
                  <li key={milestone.key} className="flex flex-wrap items-baseline gap-x-2 break-words">
                    <span>{milestone.title}</span>
                    <code className="font-mono text-xs text-muted-foreground break-all">{milestone.key}</code>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
