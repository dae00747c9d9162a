"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { reapproveLinkAction } from "@/lib/features/reviews/actions";

/** One click: the learner's replacement becomes the approved attempt's link; the approval itself is unchanged. */
export function ReapproveLinkButton({ linkId, replacementUrl }: { linkId: string; replacementUrl: string }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached; the link is unchanged.", fields: false });
  return (
    <Button
      size="sm"
      variant="secondary"
      loading={pending}
      onClick={async () => {
        const result = await run(() => reapproveLinkAction({ linkId, replacementUrl }));
        // A mentor who lost the race is told why; either way the page shows the link as it is now.
        router.refresh();
        if (result?.ok) toast({ title: "Link re-approved. The learner was told.", variant: "success" });
      }}
    >
      Re-approve link
    </Button>
  );
}
