"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { updateProfileAction } from "@/lib/features/account/actions";
import { NAME_MAX, PROFILE_SAVED } from "@/lib/features/account/constants";

type Props = { name: string; timeZone: string | null; zones: string[]; zoneHint: string };

/** Settings → Profile: name and time zone; the top bar shows the new name once the page refreshes. */
export function ProfileForm({ name, timeZone, zones, zoneHint }: Props) {
  const router = useRouter();
  const { pending, run, fieldErrors } = useAction({ unreachable: "Cairn could not be reached. Nothing was saved." });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(() =>
      updateProfileAction({ name: String(form.get("name") ?? ""), timeZone: String(form.get("timeZone") ?? "") }),
    );
    if (!result?.ok) return;
    toast({ title: PROFILE_SAVED, variant: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Profile">
      <Field label="Name" hint="Shown to your mentors, learners and admins." errors={fieldErrors.name}>
        <Input name="name" defaultValue={name} autoComplete="name" maxLength={NAME_MAX} required />
      </Field>
      <Field label="Time zone" hint={zoneHint} errors={fieldErrors.timeZone}>
        <Select name="timeZone" defaultValue={timeZone ?? ""}>
          <option value="">My cohort&apos;s time zone</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" size="sm" loading={pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
