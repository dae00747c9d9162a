"use client";

import { ArrowRight } from "@/components/ui/icons/arrow-right";
import { CircleMinus } from "@/components/ui/icons/circle-minus";
import { CirclePlus } from "@/components/ui/icons/circle-plus";
import { CircleCheck } from "@/components/ui/icons/circle-check";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { moveCohortVersionAction, previewVersionMoveAction } from "@/lib/features/cohorts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/use-action";
import { versionLabel, VersionOptions } from "@/lib/features/cohorts/components/form-parts";
import type { MoveItem, VersionMovePreview, VersionOption } from "@/lib/features/cohorts/types";
import { plural } from "@/lib/plural";

function ItemLine({ item, children }: { item: MoveItem; children?: ReactNode }) {
  return (
    <li className="grid gap-0.5 py-2 first:pt-0 last:pb-0">
      <span className="font-medium break-words">{item.title}</span>
      <span className="text-xs text-muted-foreground">
        {item.kind === "project" ? "Portfolio project" : item.phaseTitle} · <span className="font-mono">{item.key}</span>
      </span>
      {children}
    </li>
  );
}

function PreviewGroup({
  title,
  count,
  icon,
  hint,
  open,
  children,
}: {
  title: string;
  count: number;
  icon: ReactNode;
  hint: string;
  open: boolean;
  children: ReactNode;
}) {
  return (
    <details open={open} className="group rounded-lg border border-border bg-surface">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2.5 text-sm font-medium select-none hover:bg-surface-muted [&::-webkit-details-marker]:hidden">
        {icon}
        <span>
          {title} <span className="tabular-nums text-muted-foreground">({count})</span>
        </span>
        <span className="ml-auto text-xs font-normal text-muted-foreground group-open:hidden">Show</span>
        <span className="ml-auto hidden text-xs font-normal text-muted-foreground group-open:inline">Hide</span>
      </summary>
      <div className="grid gap-2 border-t border-border px-3 py-3 text-sm">
        <p className="text-muted-foreground">{hint}</p>
        {count === 0 ? <p className="text-muted-foreground">None.</p> : <ul className="divide-y divide-border">{children}</ul>}
      </div>
    </details>
  );
}

/**
 * The versions a cohort can move to, its own roadmap's first (newest first), and the one "Move to version" starts
 * on: the newest version of the cohort's own roadmap. Another roadmap is rarely meant, and moving to one drops most
 * milestones, so it is never the default while the cohort's roadmap has another version. Kept here rather than in
 * the feature's utils.ts: the bundler ships every export of a module a client component imports, and utils.ts
 * carries the calendar.
 */
export function moveTargets(current: VersionOption, options: VersionOption[]) {
  const others = options.filter((option) => option.id !== current.id);
  const own = others.filter((option) => option.roadmapId === current.roadmapId).sort((a, b) => b.number - a.number);
  const targets = [...own, ...others.filter((option) => option.roadmapId !== current.roadmapId)];
  return { targets, initial: targets[0]?.id ?? "" };
}

/**
 * "Assigning the roadmap": pick another published version, see what carries over by key, then confirm.
 * Nothing is deleted by a move; work on keys that leave the roadmap stays stored.
 */
export function VersionMove({ cohortId, current, options }: { cohortId: string; current: VersionOption; options: VersionOption[] }) {
  const router = useRouter();
  const { targets: others, initial } = moveTargets(current, options);
  const [target, setTarget] = useState(initial);
  const [preview, setPreview] = useState<VersionMovePreview | null>(null);
  const previewing = useAction({ unreachable: "Cairn could not be reached; try again.", say: "alert" });
  const moving = useAction({ unreachable: "Cairn could not be reached. The cohort was not moved; try again.", say: "alert", fields: false });
  const errors = previewing.fieldErrors;
  const alert = previewing.alert ?? moving.alert;

  async function onPreview(event: FormEvent) {
    event.preventDefault();
    moving.setAlert(null);
    const result = await previewing.run(() => previewVersionMoveAction({ cohortId, versionId: target }));
    if (result?.ok) setPreview(result.data);
  }

  async function onConfirm() {
    if (!preview) return;
    const result = await moving.run(() => moveCohortVersionAction({ cohortId, fromVersionId: preview.from.id, versionId: preview.to.id }));
    if (!result) return;
    if (!result.ok) {
      setPreview(null);
      router.refresh();
      return;
    }
    setPreview(null);
    toast({ title: `The cohort now follows version ${result.data.number}`, description: "Every learner's work carried over by key.", variant: "success" });
    router.refresh();
  }

  return (
    <div className="grid gap-4">
      <p className="text-sm">
        This cohort follows{" "}
        <strong className="font-semibold">
          {current.roadmapName} · {versionLabel(current)}
        </strong>
        {current.status !== "published" ? (
          <Badge variant="warning" className="ml-2">
            {current.status === "retired" ? "Retired" : "Draft"}
          </Badge>
        ) : null}
        .
      </p>
      {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
      {others.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          There is no other published version to move to. When an admin publishes a new version, it appears here.
        </p>
      ) : (
        <form onSubmit={onPreview} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start" noValidate>
          <Field label="Move to version" errors={errorsFor(errors, "versionId")}>
            <Select
              value={target}
              onChange={(event) => {
                setTarget(event.target.value);
                setPreview(null);
              }}
            >
              <VersionOptions versions={others} />
            </Select>
          </Field>
          <Button type="submit" variant="secondary" loading={previewing.pending} className="sm:mt-7">
            Preview move
          </Button>
        </form>
      )}

      {preview ? (
        <section aria-labelledby="move-preview-heading" className="grid gap-3 rounded-xl border border-accent/40 bg-accent-subtle/40 p-3 sm:p-4">
          <h3 id="move-preview-heading" className="flex flex-wrap items-center gap-2 text-sm font-semibold">
            {preview.from.roadmapName === preview.to.roadmapName ? (
              <>
                {preview.to.roadmapName}: {versionLabel(preview.from)} <ArrowRight aria-label="to" className="size-4" /> {versionLabel(preview.to)}
              </>
            ) : (
              <>
                {preview.from.roadmapName} · {versionLabel(preview.from)} <ArrowRight aria-label="to" className="size-4" />{" "}
                {preview.to.roadmapName} · {versionLabel(preview.to)}
              </>
            )}
          </h3>
          {preview.releaseNote ? (
            <div className="grid gap-1 rounded-lg border border-border bg-surface px-3 py-2 text-sm">
              <h4 className="font-medium">Release note for {versionLabel(preview.to)}</h4>
              <p className="whitespace-pre-wrap break-words text-muted-foreground">{preview.releaseNote}</p>
            </div>
          ) : null}
          <p className="text-sm text-muted-foreground">
            Progress is matched by milestone key. Nothing is deleted: attempts, reviews and threads stay stored, including
            those on milestones that leave the roadmap.
          </p>
          <div className="grid gap-2">
            <PreviewGroup
              title="No longer in the roadmap"
              count={preview.dropped.length}
              open={preview.dropped.length > 0}
              icon={<CircleMinus aria-hidden className="size-4 text-status-danger-fg" />}
              hint="Learners stop seeing these on their roadmap. Their attempts, reviews and threads on them stay stored, and show again if the cohort moves to a version that has them."
            >
              {preview.dropped.map((item) => (
                <ItemLine key={item.key} item={item}>
                  <span className="text-xs">
                    {item.learners === 0
                      ? "No learner has work on it."
                      : `${plural(item.learners, "learner")} with work on it (${plural(item.attempts, "attempt")}) — all of it stays stored.`}
                  </span>
                </ItemLine>
              ))}
            </PreviewGroup>
            <PreviewGroup
              title="New"
              count={preview.added.length}
              open={preview.added.length > 0 && preview.added.length <= 10}
              icon={<CirclePlus aria-hidden className="size-4 text-status-info-fg" />}
              hint="Only in the new version; every learner starts them at “Not started”."
            >
              {preview.added.map((item) => (
                <ItemLine key={item.key} item={item} />
              ))}
            </PreviewGroup>
            <PreviewGroup
              title="Kept"
              count={preview.kept.length}
              open={false}
              icon={<CircleCheck aria-hidden className="size-4 text-status-success-fg" />}
              hint="Same key in both versions: status, attempts and threads carry over as they are."
            >
              {preview.kept.map((item) => (
                <ItemLine key={item.key} item={item}>
                  {item.previousTitle ? <span className="text-xs text-muted-foreground">Renamed from “{item.previousTitle}”</span> : null}
                </ItemLine>
              ))}
            </PreviewGroup>
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="ghost" onClick={() => setPreview(null)}>
              Cancel
            </Button>
            <Button type="button" loading={moving.pending} onClick={onConfirm}>
              Move to version {preview.to.number}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
