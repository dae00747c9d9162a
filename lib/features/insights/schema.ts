import { z } from "zod";
import { HEALTH_CHARTS, PROGRESS_CHARTS } from "@/lib/features/insights/constants";
import type { HealthChart, ProgressChart } from "@/lib/features/insights/types";

const healthChartSchema = z.enum(HEALTH_CHARTS);
const progressChartSchema = z.enum(PROGRESS_CHARTS);

/** A cohort health chart named in an address; anything else is null, which the CSV route answers with a 404. */
export function parseHealthChart(value: unknown): HealthChart | null {
  const parsed = healthChartSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A "My progress" chart named in an address; anything else is null (a 404). */
export function parseProgressChart(value: unknown): ProgressChart | null {
  const parsed = progressChartSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
