"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { replaceEvidenceLinkAction } from "@/lib/features/progress/actions";

/** Under a broken link of an approved attempt: the new address, which waits for a mentor's re-approval. */
export function ReplaceLinkForm({ cohortId, linkId }: { cohortId: string; linkId: string }) {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const { pending, run, fieldErrors } = useAction({ unreachable: "Cairn could not be reached. The link is unchanged.", fields: ["url"] });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => replaceEvidenceLinkAction({ cohortId, linkId, url }));
    if (!result?.ok) return;
    toast({ title: "New link sent to your mentors for re-approval.", variant: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Replace link" className="flex flex-wrap items-end gap-2">
      <Field label="New address" errors={fieldErrors.url} className="min-w-0 flex-1">
        <Input type="url" inputMode="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://" />
      </Field>
      <Button type="submit" size="sm" variant="secondary" loading={pending}>
        Replace link
      </Button>
    </form>
  );
}
