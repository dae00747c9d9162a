import type { JobSummary } from "@/lib/jobs/types";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function clock(hour: string, minute: string): string {
  return `${hour.padStart(2, "0")}:${minute.padStart(2, "0")} UTC`;
}

/**
 * A five-field cron in words for Admin → Jobs: the shapes Cairn's jobs use ("every 5 minutes", "daily at 03:00
 * UTC", "every Monday at 07:00 UTC"); anything else is shown as the expression itself.
 */
export function describeCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return `cron ${cron} (UTC)`;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  const number = /^\d+$/;
  const everyDay = dayOfMonth === "*" && month === "*";
  if (everyDay && dayOfWeek === "*" && hour === "*") {
    if (minute === "*") return "every minute";
    const step = /^\*\/(\d+)$/.exec(minute)?.[1];
    if (step) return `every ${step} minutes`;
    if (number.test(minute)) return minute === "0" ? "every hour" : `every hour at minute ${minute}`;
  }
  if (everyDay && dayOfWeek === "*" && number.test(minute)) {
    const step = /^\*\/(\d+)$/.exec(hour)?.[1];
    if (step) return `every ${step} hours`;
    if (number.test(hour)) return `daily at ${clock(hour, minute)}`;
  }
  if (everyDay && /^[0-7]$/.test(dayOfWeek) && number.test(minute) && number.test(hour)) {
    return `every ${DAYS[Number(dayOfWeek) % 7]} at ${clock(hour, minute)}`;
  }
  return `cron ${cron} (UTC)`;
}

/** What a run reported, e.g. `{ sent: 3, failed: 1 }` → "sent 3, failed 1". */
export function summaryText(output: unknown): string {
  if (!output || typeof output !== "object" || Array.isArray(output)) return "";
  const entries = Object.entries(output as JobSummary).filter(([, value]) => typeof value === "number");
  return entries.map(([key, value]) => `${key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)} ${value}`).join(", ");
}

/** The message pg-boss kept for a failed run: the thrown error's, or its own (a run that timed out). */
export function errorText(output: unknown): string {
  if (output && typeof output === "object") {
    const record = output as { message?: unknown; value?: { message?: unknown } | unknown };
    if (typeof record.message === "string") return record.message;
    const value = record.value as { message?: unknown } | string | undefined;
    if (typeof value === "string") return value;
    if (value && typeof value === "object" && typeof value.message === "string") return value.message;
  }
  return "No error was recorded.";
}
