import { Glyph } from "@/components/ui/glyph";
import { RISK_SEVERITY_LABELS } from "@/lib/features/cohort-progress/constants";
import type { RiskFlag } from "@/lib/features/cohort-progress/types";

/**
 * "At risk" or "Watch" on a learner's row of the matrix: the worst of their flags (decision 050). The reasons, most
 * serious first, are part of the button's name, so a screen reader hears them without opening anything (each flag's
 * own level is on the learner page); on hover and keyboard focus the matrix grid's shared tooltip shows them, one
 * `data-reason` a line — the badge itself needs no JavaScript. It looks like a danger or a warning badge, drawn from
 * app/globals.css ("The matrix") rather than a class list that every flagged row would repeat; the stylesheet tells
 * the two apart by the glyph, and the word and the glyph differ too, so the level never rests on colour alone.
 */
export function RiskBadge({ risks }: { risks: RiskFlag[] }) {
  const worst = risks[0];
  if (!worst) return null;
  return (
    <button type="button" data-risks={risks.map((risk) => risk.kind).join(" ")}>
      <Glyph name={worst.severity === "at_risk" ? "triangle-alert" : "gauge"} />
      {/* On a phone the name column is narrow: the icon and count stay, the words move to the accessible name. */}
      <span className="sr-only sm:not-sr-only">{RISK_SEVERITY_LABELS[worst.severity]}</span>
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
