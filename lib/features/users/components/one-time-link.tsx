"use client";

import { Check } from "@/components/ui/icons/check";
import { Copy } from "@/components/ui/icons/copy";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

/**
 * A secret link shown once (Cairn stores only its fingerprint), with a copy button and the caller's further
 * buttons. Password reset links and invite links are both handed over this way.
 */
export function OneTimeLink({ url, label, hint, children }: { url: string; label: string; hint: string; children?: ReactNode }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      toast({ title: "Copying was blocked by the browser", description: "Select the link and copy it by hand.", variant: "danger" });
    }
  }
  return (
    <div className="grid gap-2 rounded-lg border border-status-success-border bg-status-success-subtle p-3">
      <Field label={label} hint={hint}>
        <Input readOnly value={url} onFocus={(event) => event.currentTarget.select()} textSize="sm" className="font-mono" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy link"}
        </Button>
        {children}
      </div>
    </div>
  );
}
