"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogCancel,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { revokeApiTokenAction } from "@/lib/features/api-tokens/actions";

/** "Revoke token?": scripts using it are refused from their next request on; it cannot be undone. */
export function RevokeApiTokenDialog({
  tokenId,
  name,
  owner,
  onOpenChange,
}: {
  tokenId: string;
  name: string;
  owner?: string;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const { pending, run, alert } = useAction({ unreachable: "Cairn could not be reached. The token still works; try again.", say: "alert", fields: false });

  async function revoke() {
    const result = await run(() => revokeApiTokenAction({ tokenId }));
    if (!result?.ok) return;
    onOpenChange(false);
    toast({ title: `Revoked “${name}”`, description: "Requests made with it are refused from now on.", variant: "success" });
    router.refresh();
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revoke “{name}”?</DialogTitle>
          <DialogDescription>
            {owner ? `${owner}'s scripts` : "Scripts and CI jobs"} using this token are refused from their next request on. This cannot be
            undone: {owner ? "they would create" : "you would create"} a new token instead.
          </DialogDescription>
        </DialogHeader>
        {alert ? <FormAlert>{alert}</FormAlert> : null}
        <DialogFooter>
          <DialogCancel />
          <Button type="button" variant="danger" loading={pending} onClick={revoke}>
            Revoke token
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
