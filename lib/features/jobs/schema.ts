import { z } from "zod";
import { lineText } from "@/lib/text-input";

const CHOOSE_MAIL = "Choose a mail from the list.";
const CHOOSE_JOB = "Choose a job from the list.";

export const retryMailSchema = z.strictObject({ mailId: z.uuid({ error: CHOOSE_MAIL }) });

/** Which job to run; the action checks it against the registry. */
export const runJobSchema = z.strictObject({
  name: lineText({ error: CHOOSE_JOB }).min(1, { error: CHOOSE_JOB }).max(100, { error: CHOOSE_JOB }),
});
