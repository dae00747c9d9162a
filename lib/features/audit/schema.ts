import { z } from "zod";
import { SYSTEM_ACTOR } from "@/lib/features/audit/constants";
import type { AuditFilters, AuditQuery } from "@/lib/features/audit/types";
import { parseCursor } from "@/lib/cursor";
import { calendarDay } from "@/lib/calendar-fields";

type SearchParams = Record<string, string | string[] | undefined>;

const actorSchema = z.union([z.literal(SYSTEM_ACTOR), z.uuid().transform((id) => id.toLowerCase())]);
/** "cohort.update" or a whole group, "user.*". */
const typeSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*(?:\.\*)?$/);
const daySchema = calendarDay("Not a date.");

const NOTES = {
  actor: "The “Person” filter in the link was not recognised, so it is ignored.",
  type: "The “Type” filter in the link was not recognised, so it is ignored.",
  from: "The “From” date in the link is not a date, so it is ignored.",
  to: "The “To” date in the link is not a date, so it is ignored.",
  order: "The “From” date is after the “To” date, so both dates are ignored.",
  page: "The page link was out of date, so the newest events are shown.",
} as const;

/** "" and a missing parameter both mean "no filter"; a repeated one is not something our links produce. */
function single(value: string | string[] | undefined): string | undefined | null {
  if (Array.isArray(value)) return null;
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The audit page's search parameters. A hand-edited or stale value is dropped with a note the page shows, never
 * an error: these are view settings, and the rest of the page still answers.
 */
export function parseAuditQuery(searchParams: SearchParams): AuditQuery {
  const notes: string[] = [];
  const filters: AuditFilters = {};

  const field = <T>(name: keyof typeof NOTES, schema: z.ZodType<T>): T | undefined => {
    const raw = single(searchParams[name]);
    if (raw === undefined) return undefined;
    const parsed = raw === null ? null : schema.safeParse(raw);
    if (!parsed?.success) {
      notes.push(NOTES[name]);
      return undefined;
    }
    return parsed.data;
  };

  filters.actor = field("actor", actorSchema);
  filters.type = field("type", typeSchema);
  filters.from = field("from", daySchema);
  filters.to = field("to", daySchema);
  if (filters.from && filters.to && filters.from > filters.to) {
    notes.push(NOTES.order);
    delete filters.from;
    delete filters.to;
  }
  for (const key of Object.keys(filters) as (keyof AuditFilters)[]) if (filters[key] === undefined) delete filters[key];

  const before = single(searchParams.before);
  const after = single(searchParams.after);
  const cursorText = before ?? after;
  const cursor = typeof cursorText === "string" ? parseCursor(cursorText) : null;
  const pageInvalid = before === null || after === null || (cursorText !== undefined && !cursor) || (!!before && !!after);
  if (pageInvalid) {
    notes.push(NOTES.page);
    return { filters, notes };
  }
  if (cursor && before) return { filters, before: cursor, notes };
  if (cursor && after) return { filters, after: cursor, notes };
  return { filters, notes };
}
