import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { recordActionFailure } from "@/lib/metrics/registry";

/** What every server action returns: expected outcomes are values, not exceptions. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: AppError["code"] | "INTERNAL"; error: string; fieldErrors?: Record<string, string[]> };

export function ok<T>(data: T): ActionResult<T>;
export function ok(): ActionResult<undefined>;
export function ok<T>(data?: T): ActionResult<T | undefined> {
  return { ok: true, data };
}

/** Parses action input with a shared zod schema; bad input becomes field errors next to the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of result.error.issues) {
      const field = issue.path.length > 0 ? issue.path.join(".") : "form";
      (fieldErrors[field] ??= []).push(issue.message);
    }
    throw new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrors);
  }
  return result.data;
}

/**
 * Runs an action body and maps failures once: AppError keeps its code and message;
 * anything else is logged with a reference id and shown generically.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
    }
    // Next's redirect()/notFound() signal by throwing; let them through.
    if (error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) {
      throw error;
    }
    const reference = randomUUID().slice(0, 8);
    logger.error({ err: error, reference }, "server action failed");
    recordActionFailure();
    return { ok: false, code: "INTERNAL", error: `Something went wrong on our side (reference ${reference}). Try again.` };
  }
}
