import { Badge } from "@/components/ui/badge";
import type { WeeklyRuleCheck } from "@/lib/features/checkins/types";

/** Text and icon first, colour second (docs/ux.md). A running week is "not met yet", never "missed". */
export function RuleBadge({ rule, running = false }: { rule: WeeklyRuleCheck; running?: boolean }) {
  if (rule.met) {
    return (
      <Badge variant="success" icon="circle-check" data-rule="met">
        Weekly rule met
      </Badge>
    );
  }
  if (running) {
    return (
      <Badge variant="neutral" icon="circle-dashed" data-rule="pending">
        Weekly rule not met yet
      </Badge>
    );
  }
  return (
    <Badge variant="danger" icon="circle-x" data-rule="missed">
      Weekly rule missed
    </Badge>
  );
}

/** "1 piece of evidence · 2 milestones completed", or what would meet the rule. */
export function RuleDetail({ rule, running = false }: { rule: WeeklyRuleCheck; running?: boolean }) {
  if (!rule.met) {
    return (
      <span>
        {running
          ? "Submit evidence or complete a milestone this week to meet it."
          : "No evidence submitted and no milestone completed."}
      </span>
    );
  }
  const parts = [
    rule.evidence > 0 ? `${rule.evidence} ${rule.evidence === 1 ? "piece" : "pieces"} of evidence` : null,
    rule.completed > 0 ? `${rule.completed} ${rule.completed === 1 ? "milestone" : "milestones"} completed` : null,
  ].filter(Boolean);
  return <span>{parts.join(" · ")}</span>;
}
