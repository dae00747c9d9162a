import { Badge } from "@/components/ui/badge";
import { SafeLink } from "@/components/ui/safe-link";
import { formatMoment } from "@/lib/calendar-zones";
import type { AttemptLinkView } from "@/lib/features/progress/types";

/**
 * What the nightly check found about an approved attempt's link (decision 063): "Link broken", why and since when,
 * and the learner's replacement while it waits for a mentor. Nothing for a link that works.
 */
export function LinkHealthNote({ link, timezone, audience }: { link: AttemptLinkView; timezone: string; audience: "learner" | "mentor" }) {
  if (!link.broken && !link.replacement) return null;
  return (
    <div className="grid gap-1 pl-6 text-xs text-muted-foreground">
      {link.broken ? (
        <p className="flex flex-wrap items-center gap-2">
          <Badge variant="danger">Link broken</Badge>
          <span>
            {link.broken.reason}
            {link.broken.since ? (
              <>
                {" "}
                · since <time dateTime={link.broken.since}>{formatMoment(link.broken.since, timezone)}</time>
              </>
            ) : null}
          </span>
        </p>
      ) : null}
      {link.replacement ? (
        <p className="min-w-0 break-all">
          {audience === "learner" ? "Replacement waiting for your mentor: " : "Replacement waiting for re-approval: "}
          <SafeLink href={link.replacement.url} className="text-accent hover:underline">
            {link.replacement.url}
          </SafeLink>
        </p>
      ) : null}
    </div>
  );
}
