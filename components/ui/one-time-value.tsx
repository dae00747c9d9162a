"use client";

import { Check } from "@/components/ui/icons/check";
import { Copy } from "@/components/ui/icons/copy";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

type OneTimeValueProps = {
  value: string;
  /** The field's label, e.g. "Invite link". */
  label: string;
  hint: string;
  /** The copy button's words, e.g. "Copy link". */
  copyLabel: string;
  /** What "select it by hand" refers to when the browser blocks copying, e.g. "link". */
  noun: string;
  /** Names the box as a region, for a value that appears in place of a form. */
  region?: string;
  /** When given, a "Done" button beside "Copy" that calls it (to close the dialog or form the value appeared in). */
  onDone?: () => void;
};

/**
 * A secret shown once (Cairn keeps only a fingerprint, or needs it elsewhere), with a copy button: invite and reset
 * links, API tokens and webhook signing secrets are all handed over this way.
 */
export function OneTimeValue({ value, label, hint, copyLabel, noun, region, onDone }: OneTimeValueProps) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      toast({ title: "Copying was blocked by the browser", description: `Select the ${noun} and copy it by hand.`, variant: "danger" });
    }
  }
  return (
    <div
      role={region ? "region" : undefined}
      aria-label={region}
      className="grid gap-3 rounded-lg border border-status-success-border bg-status-success-subtle p-3"
    >
      <Field label={label} hint={hint}>
        <Input readOnly value={value} onFocus={(event) => event.currentTarget.select()} textSize="sm" className="font-mono" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : copyLabel}
        </Button>
        {onDone ? (
          <Button type="button" size="sm" variant="ghost" onClick={onDone}>
            Done
          </Button>
        ) : null}
      </div>
    </div>
  );
}
