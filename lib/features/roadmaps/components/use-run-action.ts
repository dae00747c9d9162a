"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";

type Result = { ok: true } | { ok: false; code: string; error: string; fieldErrors?: Record<string, string[]> };

/**
 * Runs a server action with one pending flag. A network failure or a refusal without field errors becomes a
 * toast; field errors and conflicts are left to the form that shows them.
 */
export function useRunAction() {
  const [pending, setPending] = useState(false);
  async function run<R extends Result>(call: () => Promise<R>): Promise<R | null> {
    setPending(true);
    const result = await call().catch(() => null);
    setPending(false);
    if (!result) {
      toast({ title: "Cairn could not be reached", description: "Nothing was saved; try again.", variant: "danger" });
    } else if (!result.ok && !result.fieldErrors && result.code !== "CONFLICT") {
      toast({ title: "Not saved", description: result.error, variant: "danger" });
    }
    return result;
  }
  return { pending, run };
}
