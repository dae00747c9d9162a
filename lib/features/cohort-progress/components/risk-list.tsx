import { Badge } from "@/components/ui/badge";
import { RISK_NEXT_STEPS, RISK_SEVERITY_LABELS } from "@/lib/features/cohort-progress/constants";
import type { RiskFlag } from "@/lib/features/cohort-progress/types";

/** The reasons spelled out, most serious first, each with its severity and a suggested next step, for the learner page. */
export function RiskList({ risks }: { risks: RiskFlag[] }) {
  if (risks.length === 0) return null;
  return (
    <ul className="grid gap-3">
      {risks.map((risk) => (
        <li key={risk.kind} className="flex flex-wrap items-start gap-x-2 gap-y-1 text-sm" data-risk={risk.kind} data-severity={risk.severity}>
          <Badge
            variant={risk.severity === "at_risk" ? "danger" : "warning"}
            icon={risk.severity === "at_risk" ? "triangle-alert" : "gauge"}
            className="mt-px"
          >
            {RISK_SEVERITY_LABELS[risk.severity]}
          </Badge>
          <span className="grid min-w-0 flex-1 basis-56 gap-0.5">
            <span className={risk.severity === "at_risk" ? "text-status-danger-fg" : "text-status-warning-fg"}>{risk.reason}</span>
            <span className="text-muted-foreground">Next step: {RISK_NEXT_STEPS[risk.kind]}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
