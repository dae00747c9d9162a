import { z } from "zod";
import { instant } from "@/lib/calendar-fields";
import { searchText } from "@/lib/text-input";
import { MATRIX_SORTS, SEARCH_MAX } from "@/lib/features/cohort-progress/constants";
import type { MatrixQuery } from "@/lib/features/cohort-progress/types";

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// The matrix reads its state from the query string. A hand-edited or stale URL falls back to the defaults
// instead of failing: these are view settings, not input anyone stores.
const matrixQuerySchema = z.object({
  q: z.preprocess(first, searchText().trim().max(SEARCH_MAX).catch("")).default(""),
  phase: z.preprocess(first, z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200).catch("")).default(""),
  sort: z.preprocess(first, z.enum(MATRIX_SORTS).catch("name")).default("name"),
  risk: z.preprocess(first, z.literal("1").optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export function parseMatrixQuery(searchParams: Record<string, string | string[] | undefined>): MatrixQuery {
  const parsed = matrixQuerySchema.parse(searchParams);
  return { q: parsed.q, phase: parsed.phase, sort: parsed.sort, atRisk: parsed.risk === "1", page: parsed.page };
}

/** `GET /api/v1/cohorts/{id}/progress`: `?format=csv` is for clients that cannot send an Accept header. */
export const progressQuerySchema = z.object({
  format: z
    .enum(["json", "csv"], { error: "Use \"json\" or \"csv\"." })
    .optional()
    .meta({ description: "`csv` gives the screen's CSV export; without it, `Accept: text/csv` does the same." }),
});

export const SIGN_OFF_MESSAGES = {
  notFound: "This self-assessment does not exist.",
  own: "You can't sign off your own self-assessment.",
  changed: "The learner changed this self-assessment after you opened the page. Reload to read the new answer.",
} as const;

export const signOffInputSchema = z.strictObject({
  assessmentId: z.uuid({ error: SIGN_OFF_MESSAGES.notFound }),
  /** The assessment's updatedAt as the mentor's page showed it: a sign-off only covers what was read. */
  seenUpdatedAt: instant(SIGN_OFF_MESSAGES.changed),
});

