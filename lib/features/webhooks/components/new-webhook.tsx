"use client";

import { Plus } from "@/components/ui/icons/plus";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import type { WebhookCohortOption } from "@/lib/features/webhooks/types";

// The form and the one-time secret load when an admin starts creating a hook, not with the page.
const WebhookForm = lazy(() => import("@/lib/features/webhooks/components/webhook-form").then((module) => ({ default: module.WebhookForm })));

/** Admin → Webhooks → "New webhook": opens the form in place; it stays mounted to show the new secret. */
export function NewWebhook({ cohorts }: { cohorts: WebhookCohortOption[] }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div>
        <Button type="button" size="sm" onClick={() => setOpen(true)}>
          <Plus aria-hidden />
          New webhook
        </Button>
      </div>
    );
  }
  return (
    <Suspense fallback={<p className="text-sm text-muted-foreground">Loading the form…</p>}>
      <WebhookForm cohorts={cohorts} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
