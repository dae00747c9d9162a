import { Badge } from "@/components/ui/badge";
import type { ChangeSummary } from "@/lib/features/roadmaps/types";
import { describeChanges } from "@/lib/features/roadmaps/utils";

/**
 * The publish bar's account of the version: a draft's badge and what changed since the version before it, or a
 * published or retired version's badge and when it went out. Drawn on the server; the bar's buttons are the client part.
 */
export function VersionSummary({
  number,
  status,
  previousNumber,
  changeSummary,
  edits,
  publishedLine,
}: {
  number: number;
  status: "draft" | "published" | "retired";
  previousNumber: number | null;
  changeSummary: ChangeSummary | null;
  /** How many edits the change list counts (`describeChanges`). */
  edits: number;
  publishedLine: string | null;
}) {
  if (status === "draft") {
    const since = previousNumber ? `since version ${previousNumber}` : "in the first version";
    return (
      <>
        <Badge variant="warning">Draft</Badge>
        <span className="font-medium">Version {number}</span>
        {changeSummary ? (
          <span className="text-muted-foreground">
            {describeChanges(changeSummary, edits)} {since}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <>
      <Badge variant={status === "published" ? "success" : "neutral"} icon="lock">
        {status === "published" ? "Published" : "Retired"}
      </Badge>
      <span className="font-medium">Version {number}</span>
      <span className="text-muted-foreground">{publishedLine} · read-only</span>
    </>
  );
}
