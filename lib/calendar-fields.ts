// The zod fields for days and instants people enter; apart from lib/calendar.ts so that client components that only
// format dates do not ship zod (decision 023).
import { z } from "zod";
import { DAY_PATTERN, DAY_RANGE, DAY_RANGE_MESSAGE, isCalendarDay, type Day } from "@/lib/calendar";

/**
 * A calendar-day field. `message` is the field's own sentence for "not a date"; a real date outside the range gets
 * the range. Surrounding spaces are ignored.
 */
export function calendarDay(message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(DAY_PATTERN, { error: message, abort: true })
    .refine((value) => value >= DAY_RANGE.min && value <= DAY_RANGE.max, { error: DAY_RANGE_MESSAGE, abort: true })
    .refine(isCalendarDay, { error: message })
    .transform((value) => value as Day);
}

/** An ISO 8601 instant in UTC ("…Z", as toISOString writes it), within DAY_RANGE. */
export function instant(message: string) {
  return z.iso
    .datetime({ error: message })
    .refine((value) => isCalendarDay(value.slice(0, 10)), { error: message });
}
