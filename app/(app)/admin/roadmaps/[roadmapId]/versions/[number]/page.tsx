import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { requireAdmin } from "@/lib/auth/viewer";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { EditorNavigationProvider } from "@/lib/features/roadmaps/components/editor-navigation";
import { Outline } from "@/lib/features/roadmaps/components/outline";
import { PublishBar } from "@/lib/features/roadmaps/components/publish-bar";
import { SelectedItemForm, type ItemFormChoice } from "@/lib/features/roadmaps/components/selected-item-form";
import { VersionSummary } from "@/lib/features/roadmaps/components/version-summary";
import { KIND_LABEL } from "@/lib/features/roadmaps/constants";
import { loadVersionEditor } from "@/lib/features/roadmaps/loaders";
import { canEditVersion } from "@/lib/features/roadmaps/policy";
import type { EditorVersion } from "@/lib/features/roadmaps/types";
import { ExportMenu } from "@/lib/features/roadmaps/components/export-menu";

export const metadata: Metadata = { title: "Roadmap editor" };

type Props = {
  params: Promise<{ roadmapId: string; number: string }>;
  searchParams: Promise<{ item?: string | string[] }>;
};

/** The form for `?item=…`; an unknown or stale item falls back to the title and goal. */
function selectedItem(version: EditorVersion, item: string): { key: string; title: string; archived: boolean; form: ItemFormChoice } {
  const readOnly = !canEditVersion(version);
  const fields = {
    title: version.title,
    summary: version.summary,
    weeklyRule: version.weeklyRule,
    criteria: version.criteria,
    notes: version.notes,
    lockVersion: version.lockVersion,
  };
  const versionForm = { versionId: version.id, fields, readOnly };
  const [kind, id] = item.split(":");
  const locked = new Set(version.lockedKeys);
  if (kind === "phase") {
    const phase = version.phases.find((candidate) => candidate.id === id);
    if (phase)
      return {
        key: item,
        title: `${KIND_LABEL.phase}: ${phase.title}`,
        archived: phase.archived,
        form: { kind: "phase", props: { phase, readOnly } },
      };
  }
  if (kind === "milestone") {
    const milestone = version.phases.flatMap((phase) => phase.milestones).find((candidate) => candidate.id === id);
    if (milestone) {
      const phases = version.phases.map((phase) => ({ id: phase.id, title: phase.title }));
      return {
        key: item,
        title: `${KIND_LABEL.milestone}: ${milestone.title}`,
        archived: milestone.archived,
        form: { kind: "milestone", props: { milestone, phases, keyLocked: locked.has(milestone.key), readOnly } },
      };
    }
  }
  if (kind === "project") {
    const project = version.projects.find((candidate) => candidate.id === id);
    if (project) {
      const phases = version.phases
        .filter((phase) => !phase.archived)
        .map((phase) => ({
          id: phase.id,
          title: phase.title,
          milestones: phase.milestones.filter((milestone) => !milestone.archived),
        }));
      return {
        key: item,
        title: `${KIND_LABEL.project}: ${project.title}`,
        archived: project.archived,
        form: { kind: "project", props: { project, phases, keyLocked: locked.has(project.key), readOnly } },
      };
    }
  }
  if (item === "rule") return { key: item, title: "Weekly rule", archived: false, form: { kind: "rule", props: versionForm } };
  if (item === "criteria")
    return { key: item, title: "Success criteria", archived: false, form: { kind: "criteria", props: versionForm } };
  if (item === "notes") return { key: item, title: "Notes", archived: false, form: { kind: "notes", props: versionForm } };
  return { key: "details", title: "Title and goal", archived: false, form: { kind: "details", props: versionForm } };
}

export default async function VersionEditorPage({ params, searchParams }: Props) {
  const { roadmapId, number } = await params;
  const { item: rawItem } = await searchParams;
  const version = await loadVersionEditor(await requireAdmin(), roadmapId, number);
  const item = typeof rawItem === "string" ? rawItem : "details";
  const selected = selectedItem(version, item);
  const readOnly = !canEditVersion(version);
  const basePath = `/admin/roadmaps/${roadmapId}/versions/${version.number}`;
  const publishedLine = version.publishedAt
    ? `Published ${formatDay(dayIn(new Date(version.publishedAt), "UTC"))}${version.publishedBy ? ` by ${version.publishedBy}` : ""}`
    : null;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/admin/roadmaps/${roadmapId}`} className="hover:underline">
            {version.title} · all versions
          </Link>
        }
        title={`Version ${version.number}`}
        description={
          readOnly
            ? "This version is published and read-only. Start a new draft to change the roadmap."
            : "A draft: learners see nothing of it until it is published and their cohort moves to it."
        }
        actions={<ExportMenu roadmapId={roadmapId} versionNumber={version.number} />}
      />
      <EditorNavigationProvider versionId={version.id} selected={selected.key}>
        <div className="grid gap-6 lg:grid-cols-[minmax(16rem,20rem)_1fr] lg:items-start">
          <div
            id="outline"
            className="order-last lg:sticky lg:top-4 lg:order-first lg:max-h-[calc(100dvh-10rem)] lg:overflow-y-auto lg:pr-2"
          >
            <Outline
              versionId={version.id}
              basePath={basePath}
              selected={selected.key}
              readOnly={readOnly}
              phases={version.phases.map((phase) => ({
                id: phase.id,
                title: phase.title,
                archived: phase.archived,
                milestones: phase.milestones.map((milestone) => ({
                  id: milestone.id,
                  title: milestone.title,
                  archived: milestone.archived,
                })),
              }))}
              projects={version.projects.map((project) => ({
                id: project.id,
                title: project.title,
                archived: project.archived,
              }))}
              archivedBadge={<Badge variant="outline">Archived</Badge>}
            />
          </div>
          <section
            aria-labelledby="item-heading"
            className="grid min-w-0 gap-4 rounded-lg border border-border bg-surface p-4 sm:p-6"
          >
            <a href="#outline" className="justify-self-start text-sm text-accent hover:underline lg:hidden">
              Jump to the outline
            </a>
            <h2 id="item-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold break-words">
              {selected.title} {selected.archived ? <Badge variant="outline">Archived</Badge> : null}
            </h2>
            <SelectedItemForm itemKey={selected.key} choice={selected.form} />
          </section>
        </div>
      </EditorNavigationProvider>
      <PublishBar
        roadmapId={roadmapId}
        versionId={version.id}
        number={version.number}
        status={version.status}
        summary={
          <VersionSummary
            number={version.number}
            status={version.status}
        previousNumber={version.previousNumber}
        changeSummary={version.changeSummary}
            edits={version.changes?.length ?? 0}
        publishedLine={publishedLine}
          />
        }
        changes={version.changes}
        draftNumber={version.draftNumber}
        isLatest={version.latestNumber === version.number}
      />
    </>
  );
}
