"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { updatePortfolioSettingsAction } from "@/lib/features/portfolio/actions";

export function PortfolioSettings({ handle, isPublic }: { handle: string | null; isPublic: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(handle ?? "");
  const [publicPage, setPublicPage] = useState(isPublic);
  const { pending, run, fieldErrors: errors } = useAction({ unreachable: "Cairn could not be reached. Nothing was saved." });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => updatePortfolioSettingsAction({ handle: value, isPublic: publicPage }));
    if (!result?.ok) return;
    toast({ title: publicPage ? "Your public portfolio is on." : "Your public portfolio is off.", variant: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      <Field label="Handle" hint="Your public page lives at /p/your-handle." errors={errors.handle}>
        <Input value={value} onChange={(event) => setValue(event.target.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1 size-4 accent-[var(--color-accent)]"
          checked={publicPage}
          onChange={(event) => setPublicPage(event.target.checked)}
        />
        <span>
          Public portfolio
          <span className="block text-xs text-muted-foreground">
            Shows only evidence a mentor approved, with who approved it and when. Nothing else about you.
          </span>
        </span>
      </label>
      <div>
        <Button type="submit" size="sm" variant="secondary" loading={pending}>
          Save portfolio settings
        </Button>
      </div>
    </form>
  );
}
