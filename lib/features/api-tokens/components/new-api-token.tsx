"use client";

import { Plus } from "@/components/ui/icons/plus";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApiScope } from "@/lib/generated/prisma/enums";

// The form and the one-time secret load when someone starts creating a token, so Settings' first load stays within
// its budget (docs/performance.md).
const ApiTokenForm = lazy(() => import("@/lib/features/api-tokens/components/api-token-form").then((module) => ({ default: module.ApiTokenForm })));

/**
 * Settings → API tokens: "Create token" opens the form in place. It stays mounted when the token just created
 * reaches the cap, so the secret on screen survives the page's refresh; the cap's message (passed in, to keep the
 * messages off Settings' first load) shows once the form is closed.
 */
export function NewApiToken({ grantable, capMessage }: { grantable: ApiScope[]; capMessage: string | null }) {
  const [open, setOpen] = useState(false);
  if (!open && capMessage) return <p className="text-sm text-muted-foreground">{capMessage}</p>;
  if (!open) {
    return (
      <div>
        <Button type="button" size="sm" onClick={() => setOpen(true)}>
          <Plus aria-hidden />
          Create token
        </Button>
      </div>
    );
  }
  return (
    <Suspense fallback={<p className="text-sm text-muted-foreground">Loading the form…</p>}>
      <ApiTokenForm grantable={grantable} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
