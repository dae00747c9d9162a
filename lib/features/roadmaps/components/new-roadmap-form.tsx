"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { EDITOR_SAVE } from "@/lib/features/roadmaps/constants";
import { createRoadmapAction } from "@/lib/features/roadmaps/actions";

/** Admin → Roadmaps → "New roadmap": a name (and optionally a slug), then straight into its first draft. */
export function NewRoadmapForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const { pending, run } = useAction(EDITOR_SAVE);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(() => createRoadmapAction({ name: String(form.get("name") ?? ""), slug: String(form.get("slug") ?? "").trim() }));
    if (!result) return;
    if (!result.ok) return setErrors(result.fieldErrors ?? {});
    toast({ title: "Roadmap created", description: "Add its phases and milestones, then publish version 1.", variant: "success" });
    router.push(`/admin/roadmaps/${result.data.roadmapId}/versions/${result.data.number}`);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-start" noValidate>
      <Field label="Name" errors={errorsFor(errors, "name")}>
        <Input name="name" placeholder="MLOps Roadmap 2027" />
      </Field>
      <Field label="Slug" optional hint="Used in exports and the CLI; derived from the name if empty." errors={errorsFor(errors, "slug")}>
        <Input name="slug" className="font-mono" spellCheck={false} autoCapitalize="off" />
      </Field>
      <Button type="submit" loading={pending} className="sm:mt-6">
        Create roadmap
      </Button>
    </form>
  );
}
