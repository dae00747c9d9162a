import "server-only";
import type { JobDefinition } from "@/lib/jobs/types";

/** Every background job Cairn runs, with its schedule (docs/operations.md, "Background jobs"). */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [];
