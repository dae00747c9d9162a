"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { updateSignInSettingsAction } from "@/lib/features/sso/actions";
import { SIGN_IN_SETTINGS_SAVED, SIGN_UP_DOMAINS_MAX } from "@/lib/features/sso/constants";

type Props = { ssoOnly: boolean; selfSignUpDomains: string[]; hasProviders: boolean };

/** Admin → Sign-in methods: self-sign-up domains and "Only allow single sign-on". */
export function SignInSettingsForm({ ssoOnly, selfSignUpDomains, hasProviders }: Props) {
  const router = useRouter();
  const { pending, run, fieldErrors } = useAction({ unreachable: "Cairn could not be reached. Nothing was saved." });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(() =>
      updateSignInSettingsAction({
        ssoOnly: form.get("ssoOnly") === "on",
        selfSignUpDomains: String(form.get("selfSignUpDomains") ?? ""),
      }),
    );
    if (!result?.ok) return;
    toast({ title: SIGN_IN_SETTINGS_SAVED, variant: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label="Sign-in settings">
      <Field
        label="Self-sign-up domains"
        optional
        hint={`Anyone whose provider vouches for an address at one of these domains gets a plain account, without a cohort, on first sign-in. One domain per line, at most ${SIGN_UP_DOMAINS_MAX}; subdomains are not included.`}
        errors={fieldErrors.selfSignUpDomains}
      >
        <Textarea name="selfSignUpDomains" defaultValue={selfSignUpDomains.join("\n")} rows={4} spellCheck={false} placeholder="example.org" />
      </Field>
      <div className="grid gap-1.5">
        <label className="flex items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="ssoOnly"
            defaultChecked={ssoOnly}
            disabled={!hasProviders && !ssoOnly}
            aria-describedby="sso-only-hint"
            aria-invalid={fieldErrors.ssoOnly ? true : undefined}
            className="mt-0.5 size-4 accent-[var(--color-accent)]"
          />
          Only allow single sign-on
        </label>
        <p id="sso-only-hint" className="text-sm text-muted-foreground">
          The login page hides the password form and passwords are refused, except for admins, who keep theirs so a
          broken provider cannot lock this Cairn out.
          {hasProviders ? null : " Configure a provider first."}
        </p>
        {fieldErrors.ssoOnly?.map((message) => (
          <p key={message} className="text-sm text-status-danger-fg">
            {message}
          </p>
        ))}
      </div>
      <div>
        <Button type="submit" size="sm" loading={pending}>
          Save sign-in methods
        </Button>
      </div>
    </form>
  );
}
