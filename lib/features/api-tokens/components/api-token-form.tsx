"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
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
      <fieldset className="grid gap-2" aria-describedby={fieldErrors.scopes ? "token-scopes-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        {grantable.map((scope) => (
          <label key={scope} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={scope === "read"}
              className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
            />
            <span>
              <span className="font-mono font-medium">{SCOPE_DESCRIPTIONS[scope].label}</span>
              <span className="text-muted-foreground"> — {SCOPE_DESCRIPTIONS[scope].description}</span>
            </span>
          </label>
        ))}
        {fieldErrors.scopes ? (
          <p id="token-scopes-error" className="text-sm text-status-danger-fg">
            {fieldErrors.scopes.join(" ")}
          </p>
        ) : null}
        <p className="text-sm text-muted-foreground">A token can do only what you can do yourself, and only within its scopes.</p>
      </fieldset>
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
