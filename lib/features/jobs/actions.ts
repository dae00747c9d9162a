"use server";

// Every export here is a public endpoint (docs/decisions/005): each resolves the viewer from the session and reads
// the admin flag from the database (requireAdminForAction); anyone else gets "not found" and nothing changes.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { JOB_MESSAGES } from "@/lib/features/jobs/constants";
import { retryFailedMail, runJobNow } from "@/lib/features/jobs/mutations";
import { retryMailSchema, runJobSchema } from "@/lib/features/jobs/schema";
import { JOB_DEFINITIONS } from "@/lib/features/jobs/jobs";

/** "Retry" on a failed mail under Admin → Jobs. */
export async function retryMailAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { mailId } = parseInput(retryMailSchema, input);
    await retryFailedMail(await actorOf(viewer), mailId);
    return undefined;
  });
}

/** "Run now" on a job under Admin → Jobs. */
export async function runJobNowAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { name } = parseInput(runJobSchema, input);
    if (!JOB_DEFINITIONS.some((definition) => definition.name === name)) throw new AppError("NOT_FOUND", JOB_MESSAGES.jobNotFound);
    await runJobNow(await actorOf(viewer), name);
    return undefined;
  });
}
