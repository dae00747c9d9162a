import { Badge } from "@/components/ui/badge";
import { WEEKLY_RULE_PARTS } from "@/lib/features/checkins/constants";
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

/** "1 piece of evidence · 2 milestones completed · 4 of 5 parts of the weekly rule", or what would meet the rule. */
export function RuleDetail({ rule, running = false }: { rule: WeeklyRuleCheck; running?: boolean }) {
  const covered = `${rule.parts} of ${WEEKLY_RULE_PARTS.length} parts of the weekly rule in the check-in`;
  if (!rule.met) {
    return (
      <span>
        {running
          ? "Submit evidence or complete a milestone this week to meet it."
          : "No evidence submitted and no milestone completed."}
        {rule.parts > 0 ? ` ${covered}.` : null}
      </span>
    );
  }
  const parts = [
    rule.evidence > 0 ? `${rule.evidence} ${rule.evidence === 1 ? "piece" : "pieces"} of evidence` : null,
    rule.completed > 0 ? `${rule.completed} ${rule.completed === 1 ? "milestone" : "milestones"} completed` : null,
    rule.parts > 0 ? covered : null,
  ].filter(Boolean);
  return <span>{parts.join(" · ")}</span>;
}
