import { Glyph } from "@/components/ui/glyph";
import { RISK_NEXT_STEPS } from "@/lib/features/cohort-progress/constants";
import type { RiskFlag } from "@/lib/features/cohort-progress/types";

/** The reasons spelled out, each with a suggested next step, for the learner page. */
export function RiskList({ risks }: { risks: RiskFlag[] }) {
  if (risks.length === 0) return null;
  return (
    <ul className="grid gap-2.5">
      {risks.map((risk) => (
        <li key={risk.kind} className="flex items-start gap-2 text-sm" data-risk={risk.kind}>
          <Glyph name="triangle-alert" className="mt-0.5 size-4 text-status-danger-fg" />
          <span className="grid gap-0.5">
            <span className="text-status-danger-fg">{risk.reason}</span>
            <span className="text-muted-foreground">Next step: {RISK_NEXT_STEPS[risk.kind]}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
