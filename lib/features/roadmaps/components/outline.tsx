"use client";

import { ChevronDown } from "@/components/ui/icons/chevron-down";
import { ChevronUp } from "@/components/ui/icons/chevron-up";
import { GripVertical } from "@/components/ui/icons/grip-vertical";
import { Plus } from "@/components/ui/icons/plus";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState, type ComponentProps, type DragEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import { cn } from "@/lib/cn";
import { reorderItemsAction } from "@/lib/features/roadmaps/actions";
import { useEditorNavigation } from "@/lib/features/roadmaps/components/editor-navigation";
import type { OutlineAddForm as OutlineAddFormModule } from "@/lib/features/roadmaps/components/outline-add-form";
import { moveInList } from "@/lib/features/roadmaps/utils";

// The "Add …" form loads when someone first opens one.
const OutlineAddForm = lazy(() =>
  import("@/lib/features/roadmaps/components/outline-add-form").then((module) => ({ default: module.OutlineAddForm })),
);

export type OutlineItem = { id: string; title: string; archived: boolean };
export type OutlinePhase = OutlineItem & { milestones: OutlineItem[] };

type ListRef = { list: "phases" | "projects" } | { list: "milestones"; phaseId: string };

type Props = {
  versionId: string;
  basePath: string;
  selected: string;
  readOnly: boolean;
  phases: OutlinePhase[];
  projects: OutlineItem[];
  /** What an archived item shows after its title, drawn by the server. */
  archivedBadge: ReactNode;
};

function listId(ref: ListRef) {
  return ref.list === "milestones" ? `milestones:${ref.phaseId}` : ref.list;
}

/**
 * The editor's outline: phases → milestones, projects and the roadmap's lists. Reorder by dragging a row or with
 * its "Move up" / "Move down" buttons; every move sends the list's whole new order (the server refuses a move
 * made on a stale outline), shown at once and rolled back if refused.
 */
export function Outline(props: Props) {
  const router = useRouter();
  const [source, setSource] = useState(props);
  const [phases, setPhases] = useState(props.phases);
  const [projects, setProjects] = useState(props.projects);
  const [dragging, setDragging] = useState<{ list: string; id: string } | null>(null);
  const { navigateTo } = useEditorNavigation();
  const moving = useAction({ unreachable: "Cairn could not be reached; try again.", say: { toast: "Not moved" }, fields: false });
  if (source !== props) {
    // The server's outline after a refresh is the truth again.
    setSource(props);
    setPhases(props.phases);
    setProjects(props.projects);
  }
  const { readOnly, basePath, selected, versionId } = props;

  function itemsOf(ref: ListRef): OutlineItem[] {
    if (ref.list === "phases") return phases;
    if (ref.list === "projects") return projects;
    return phases.find((phase) => ref.list === "milestones" && phase.id === ref.phaseId)?.milestones ?? [];
  }

  function apply(ref: ListRef, ids: string[]) {
    const byId = new Map(itemsOf(ref).map((item) => [item.id, item]));
    const ordered = ids.map((id) => byId.get(id)!);
    if (ref.list === "phases") setPhases(ordered as OutlinePhase[]);
    else if (ref.list === "projects") setProjects(ordered);
    else setPhases((all) => all.map((phase) => (ref.list === "milestones" && phase.id === ref.phaseId ? { ...phase, milestones: ordered } : phase)));
  }

  async function reorder(ref: ListRef, ids: string[]) {
    const previous = itemsOf(ref).map((item) => item.id);
    if (previous.join() === ids.join()) return;
    apply(ref, ids);
    const result = await moving.run(() => reorderItemsAction({ versionId, ids, ...ref }));
    if (!result?.ok) apply(ref, previous);
    router.refresh();
  }

  function move(ref: ListRef, index: number, offset: number) {
    void reorder(ref, moveInList(itemsOf(ref), index, offset).map((item) => item.id));
  }

  function rowProps(ref: ListRef, item: OutlineItem, index: number) {
    if (readOnly) return {};
    return {
      draggable: true,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.title);
        setDragging({ list: listId(ref), id: item.id });
        event.stopPropagation();
      },
      onDragEnd: () => setDragging(null),
      onDragOver: (event: DragEvent) => {
        if (dragging?.list === listId(ref)) {
          event.preventDefault();
          event.stopPropagation();
        }
      },
      onDrop: (event: DragEvent) => {
        if (dragging?.list !== listId(ref)) return;
        event.preventDefault();
        event.stopPropagation();
        const ids = itemsOf(ref).map((other) => other.id);
        const from = ids.indexOf(dragging.id);
        setDragging(null);
        if (from >= 0) void reorder(ref, moveInList(ids, from, index - from));
      },
    };
  }

  function row(ref: ListRef, item: OutlineItem, index: number, count: number, kind: string, children?: ReactNode) {
    const href = `${basePath}?item=${kind}:${item.id}`;
    const current = selected === `${kind}:${item.id}`;
    return (
      <li key={item.id} {...rowProps(ref, item, index)} className={cn("min-w-0", dragging?.id === item.id && "opacity-50")}>
        <div
          className={cn(
            "group flex min-h-9 items-center gap-1 rounded-md pr-1 hover:bg-surface-muted",
            current && "bg-surface-muted",
            kind === "phase" && "font-medium",
          )}
        >
          {readOnly ? null : <GripVertical aria-hidden className="size-4 shrink-0 cursor-grab text-muted-foreground" />}
          <Link
            href={href}
            scroll={false}
            onNavigate={() => navigateTo(`${kind}:${item.id}`)}
            aria-current={current ? "page" : undefined}
            className={cn("min-w-0 flex-1 truncate rounded-sm py-1.5 text-sm", readOnly && "pl-2", item.archived && "text-muted-foreground line-through")}
          >
            {item.title}
          </Link>
          {item.archived ? props.archivedBadge : null}
          {readOnly ? null : (
            <span className="flex shrink-0">
              <Button type="button" variant="ghost" size="icon-sm" aria-label={`Move "${item.title}" up`} disabled={index === 0} onClick={() => move(ref, index, -1)}>
                <ChevronUp />
              </Button>
              <Button type="button" variant="ghost" size="icon-sm" aria-label={`Move "${item.title}" down`} disabled={index === count - 1} onClick={() => move(ref, index, 1)}>
                <ChevronDown />
              </Button>
            </span>
          )}
        </div>
        {children}
      </li>
    );
  }

  const fixed = (item: string, label: string) => (
    <li>
      <Link
        href={`${basePath}?item=${item}`}
        scroll={false}
        onNavigate={() => navigateTo(item)}
        aria-current={selected === item ? "page" : undefined}
        className={cn("block rounded-md px-2 py-1.5 text-sm hover:bg-surface-muted", selected === item && "bg-surface-muted font-medium")}
      >
        {label}
      </Link>
    </li>
  );

  return (
    <nav aria-label="Roadmap outline" className="grid min-w-0 grid-cols-1 gap-4 text-sm">
      <ul className="grid gap-0.5">{fixed("details", "Title and goal")}</ul>
      <section aria-labelledby="outline-phases" className="grid gap-1">
        <h2 id="outline-phases" className="px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          Phases and milestones
        </h2>
        {phases.length === 0 ? <p className="px-2 text-muted-foreground">No phases yet.</p> : null}
        <ol className="grid grid-cols-1 gap-1">
          {phases.map((phase, p) =>
            row({ list: "phases" }, phase, p, phases.length, "phase",
              <ol className="ml-4 grid grid-cols-1 gap-0.5 border-l border-border pl-1">
                {phase.milestones.map((milestone, m) =>
                  row({ list: "milestones", phaseId: phase.id }, milestone, m, phase.milestones.length, "milestone"),
                )}
                {readOnly ? null : (
                  <li>
                    <AddItem label="Add milestone" fieldLabel={`New milestone in "${phase.title}"`} basePath={basePath} target={{ kind: "milestone", phaseId: phase.id }} />
                  </li>
                )}
              </ol>,
            ),
          )}
        </ol>
        {readOnly ? null : <AddItem label="Add phase" fieldLabel="New phase" basePath={basePath} target={{ kind: "phase", versionId }} />}
      </section>
      <section aria-labelledby="outline-projects" className="grid gap-1">
        <h2 id="outline-projects" className="px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          Portfolio projects
        </h2>
        {projects.length === 0 ? <p className="px-2 text-muted-foreground">No projects yet.</p> : null}
        <ol className="grid grid-cols-1 gap-0.5">{projects.map((project, index) => row({ list: "projects" }, project, index, projects.length, "project"))}</ol>
        {readOnly ? null : <AddItem label="Add project" fieldLabel="New project" basePath={basePath} target={{ kind: "project", versionId }} />}
      </section>
      <ul className="grid gap-0.5 border-t border-border pt-3">
        {fixed("rule", "Weekly rule")}
        {fixed("criteria", "Success criteria")}
        {fixed("notes", "Notes")}
      </ul>
    </nav>
  );
}

/** "Add …": a button, then a title (the form loads on the first click) and the new item opens in the form. */
function AddItem({ label, ...form }: { label: string } & Omit<ComponentProps<typeof OutlineAddFormModule>, "onClose">) {
  const [open, setOpen] = useState(false);
  const button = (
    <Button type="button" variant="subtle" size="sm" align="start" onClick={() => setOpen(true)}>
      <Plus aria-hidden />
      {label}
    </Button>
  );
  if (!open) return button;
  return (
    <Suspense fallback={button}>
      <OutlineAddForm {...form} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
