"use client";

import { Check } from "@/components/ui/icons/check";
import { Copy } from "@/components/ui/icons/copy";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

/** The signing secret, shown this once with a copy button: Cairn never shows it again (decision 062). */
export function OneTimeSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      toast({ title: "Copying was blocked by the browser", description: "Select the secret and copy it by hand.", variant: "danger" });
    }
  }
  return (
    <div role="region" aria-label="Signing secret" className="grid gap-3 rounded-lg border border-status-success-border bg-status-success-subtle p-3">
      <Field label="Signing secret" hint="Copy it into the receiver's configuration now: you won't see it again. It verifies each delivery's signature.">
        <Input readOnly value={secret} onFocus={(event) => event.currentTarget.select()} textSize="sm" className="font-mono" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy secret"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
