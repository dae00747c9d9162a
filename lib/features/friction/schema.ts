import { z } from "zod";
import { FRICTION_SORTS } from "@/lib/features/friction/constants";
import type { FrictionSort } from "@/lib/features/friction/types";

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// A view setting from the query string: a stale or hand-edited value falls back to the default instead of failing.
const frictionSortSchema = z.preprocess(first, z.enum(FRICTION_SORTS).catch("friction"));

export function parseFrictionSort(value: unknown): FrictionSort {
  return frictionSortSchema.parse(value);
}

// The version a roadmap's friction page or CSV is for, as the roadmap export reads it: a whole number from 1.
const frictionVersionSchema = z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000));

/** The `version` of a friction address; null for a missing, repeated or malformed one (a 404). */
export function parseFrictionVersion(value: unknown): number | null {
  const parsed = frictionVersionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
