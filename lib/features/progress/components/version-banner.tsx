// "Your roadmap was updated to …": shown on the roadmap after a mentor or admin moved the cohort to another version,
// to learners who joined before the move, until each dismisses it. A server component; "Dismiss" is a plain form
// post, so it ships no JavaScript of its own.
import { Button } from "@/components/ui/button";
import { Markdown } from "@/components/markdown";
import { dismissVersionBannerAction } from "@/lib/features/progress/actions";
import type { VersionBanner as Banner } from "@/lib/features/progress/types";

export function VersionBanner({ banner }: { banner: Banner | null }) {
  if (!banner) return null;
  return (
    <section aria-labelledby="version-banner" className="mb-6 grid gap-2 rounded-xl border border-accent/40 bg-accent-subtle/40 p-4">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <h2 id="version-banner" className="min-w-0 flex-1 text-base font-semibold break-words">
          Your roadmap was updated to {banner.title} v{banner.number}
        </h2>
        <form action={dismissVersionBannerAction}>
          <input type="hidden" name="membershipId" value={banner.membershipId} />
          <Button type="submit" variant="ghost" size="sm">
            Dismiss
          </Button>
        </form>
      </div>
      {banner.changes ? <p className="text-sm">{banner.changes}.</p> : null}
      {banner.releaseNote ? <Markdown className="max-w-prose text-muted-foreground">{banner.releaseNote}</Markdown> : null}
    </section>
  );
}
