import { Glyph } from "@/components/ui/glyph";
import type { RiskFlag } from "@/lib/features/cohort-progress/types";

/**
 * "At risk" on a learner's row of the matrix. The reasons are part of the button's name, so a screen reader hears
 * them without opening anything; on hover and keyboard focus the matrix grid's shared tooltip shows them, one
 * `data-reason` a line — the badge itself needs no JavaScript. It looks like a danger badge, drawn from
 * app/globals.css ("The matrix") rather than a class list that every row at risk would repeat.
 */
export function RiskBadge({ risks }: { risks: RiskFlag[] }) {
  if (risks.length === 0) return null;
  return (
    <button type="button" data-risks={risks.map((risk) => risk.kind).join(" ")}>
      <Glyph name="triangle-alert" />
      {/* On a phone the name column is narrow: the icon and count stay, the words move to the accessible name. */}
      <span className="sr-only sm:not-sr-only">At risk</span>
      {risks.length > 1 ? <span>×{risks.length}</span> : null}
      <span className="sr-only">
        :
        {risks.map((risk) => (
          <span key={risk.kind}>
            {" "}
            <span data-reason>{risk.reason}</span>.
          </span>
        ))}
      </span>
    </button>
  );
}
