"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";

// The confirmation loads when someone first opens it (decision 027): Radix's dialog stays off Settings' first load.
const RevokeApiTokenDialog = lazy(() =>
  import("@/lib/features/api-tokens/components/revoke-api-token-dialog").then((module) => ({ default: module.RevokeApiTokenDialog })),
);

/** "Revoke" on one token, behind a confirmation; `owner` names the person when it is not the viewer (Admin). */
export function RevokeApiToken({ tokenId, name, owner }: { tokenId: string; name: string; owner?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={owner ? `Revoke ${name} of ${owner}` : `Revoke ${name}`}>
        Revoke
      </Button>
      <Suspense fallback={null}>
        {open ? <RevokeApiTokenDialog tokenId={tokenId} name={name} owner={owner} onOpenChange={setOpen} /> : null}
      </Suspense>
    </>
  );
}
