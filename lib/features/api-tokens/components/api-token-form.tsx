"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { OneTimeValue } from "@/components/ui/one-time-value";
import { Select } from "@/components/ui/select";
import { useAction } from "@/components/use-action";
import { createApiTokenAction } from "@/lib/features/api-tokens/actions";
import {
  DEFAULT_TOKEN_EXPIRY,
  SCOPE_DESCRIPTIONS,
  TOKEN_EXPIRY_OPTIONS,
  TOKEN_NAME_MAX,
} from "@/lib/features/api-tokens/constants";
import type { ApiScope } from "@/lib/generated/prisma/enums";

const FIELDS = ["name", "expiry", "scopes"] as const;

/** The secret, shown this once with a copy button: Cairn keeps only its sha256. */
function OneTimeToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  return (
    <OneTimeValue
      value={token}
      label={`Your new token “${name}”`}
      hint="Copy it now and keep it somewhere safe, such as your CI's secrets. You won't see it again."
      copyLabel="Copy token"
      noun="token"
      region="New token"
      onDone={onDone}
    />
  );
}

/** Settings → API tokens → "Create token": name, expiry and the scopes this person may grant. */
export function ApiTokenForm({ grantable, onClose }: { grantable: ApiScope[]; onClose: () => void }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { pending, run, fieldErrors, alert } = useAction({
    unreachable: "Cairn could not be reached. No token was created; try again.",
    say: "alert",
    fields: FIELDS,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(() =>
      createApiTokenAction({ name: String(form.get("name") ?? ""), expiry: String(form.get("expiry") ?? ""), scopes: form.getAll("scopes").map(String) }),
    );
    if (!result?.ok) return;
    setCreated({ name: result.data.view.name, token: result.data.token });
    router.refresh();
  }

  if (created) return <OneTimeToken name={created.name} token={created.token} onDone={onClose} />;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create token" className="grid gap-4 rounded-lg border border-border p-3 sm:p-4">
      {alert ? <FormAlert>{alert}</FormAlert> : null}
      <Field label="Name" hint="What uses it, such as “CI for my-project”." errors={fieldErrors.name}>
        <Input name="name" maxLength={TOKEN_NAME_MAX} autoComplete="off" autoFocus required />
      </Field>
      <Field label="Expires" errors={fieldErrors.expiry}>
        <Select name="expiry" defaultValue={DEFAULT_TOKEN_EXPIRY} options={TOKEN_EXPIRY_OPTIONS} wrapperClassName="sm:max-w-56" />
      </Field>
      <CheckboxGroup
        legend="Scopes"
        name="scopes"
        errors={fieldErrors.scopes}
        options={grantable.map((scope) => ({ value: scope, ...SCOPE_DESCRIPTIONS[scope], defaultChecked: scope === "read" }))}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={pending}>
          Create token
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
