import { z } from "zod";
import { FRICTION_SORTS } from "@/lib/features/friction/constants";
import type { FrictionSort } from "@/lib/features/friction/types";

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// A view setting from the query string: a stale or hand-edited value falls back to the default instead of failing.
const frictionSortSchema = z.preprocess(first, z.enum(FRICTION_SORTS).catch("friction"));

export function parseFrictionSort(value: unknown): FrictionSort {
  return frictionSortSchema.parse(value);
}
