import {
  ACTION_GROUP_LABELS,
  ACTION_LABELS,
  CHANGE_VALUE_MAX,
  SYSTEM_ACTOR,
  TARGET_TYPE_LABELS,
} from "@/lib/features/audit/constants";
import type { AuditChange, AuditFilters, AuditTypeGroup } from "@/lib/features/audit/types";

/** "member_schedule" → "member schedule"; "reviewTargetHours" → "review target hours". */
function words(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** The action's name in plain English; a code nobody labelled yet reads "Roadmap: rename phase" rather than failing. */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const [prefix, ...rest] = action.split(".");
  if (rest.length === 0) return capitalize(words(action)) || "Unknown change";
  return `${capitalize(words(prefix!))}: ${words(rest.join(" "))}`;
}

/** "user" for "user.deactivate". */
export function actionPrefix(action: string): string {
  return action.split(".")[0] ?? action;
}

export function actionGroupLabel(prefix: string): string {
  return ACTION_GROUP_LABELS[prefix] ?? `${capitalize(words(prefix))} changes`;
}

export function targetTypeLabel(type: string): string {
  return TARGET_TYPE_LABELS[type] ?? capitalize(words(type));
}

/** The "Type" filter's options: one group per prefix ("All user changes" = `user.*`), then its actions, by label. */
export function groupActions(actions: string[]): AuditTypeGroup[] {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const prefix = actionPrefix(action);
    groups.set(prefix, [...(groups.get(prefix) ?? []), action]);
  }
  return [...groups.entries()]
    .map(([prefix, codes]) => ({
      value: `${prefix}.*`,
      label: actionGroupLabel(prefix),
      actions: codes
        .map((code) => ({ value: code, label: actionLabel(code) }))
        .sort((a, b) => a.label.localeCompare(b.label, "en")),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}

/** One value as the table shows it: "—" for nothing, "yes"/"no", lists joined, objects as compact JSON, long text cut. */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined || value === "") text = "—";
  else if (typeof value === "boolean") text = value ? "yes" : "no";
  else if (typeof value === "string" || typeof value === "number") text = String(value);
  else if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) {
    text = value.length === 0 ? "none" : value.join(", ");
  } else text = JSON.stringify(value);
  return text.length > CHANGE_VALUE_MAX ? `${text.slice(0, CHANGE_VALUE_MAX - 1)}…` : text;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `userId: "0192…"`: a raw id means nothing to a reader; the actor and target columns already name the people. */
function isIdField(field: string, ...values: unknown[]): boolean {
  return /(^id|Id)$/.test(field) && values.every((value) => value === null || value === undefined || (typeof value === "string" && UUID.test(value)));
}

/**
 * The fields an event changed, `before → after`, in the order the row lists them (before's keys first). A field
 * present on one side only shows "—" on the other; a field equal on both sides, and raw ids, are left out.
 */
export function listChanges(before: unknown, after: unknown): AuditChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .filter((field) => !isIdField(field, from[field], to[field]))
    .map((field) => ({ field: words(field), before: formatValue(from[field]), after: formatValue(to[field]) }));
}

/** The audit page's URL for these filters, optionally at a page ("before" older rows, "after" newer rows). */
export function auditHref(filters: AuditFilters, page?: { before?: string; after?: string }): string {
  const params = new URLSearchParams();
  if (filters.actor) params.set("actor", filters.actor);
  if (filters.type) params.set("type", filters.type);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (page?.before) params.set("before", page.before);
  else if (page?.after) params.set("after", page.after);
  const search = params.toString();
  return search ? `/admin/audit?${search}` : "/admin/audit";
}

export function hasFilters(filters: AuditFilters): boolean {
  return !!(filters.actor || filters.type || filters.from || filters.to);
}

export function isSystemActor(value: string | undefined): boolean {
  return value === SYSTEM_ACTOR;
}
