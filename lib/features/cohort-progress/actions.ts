"use server";

// Every export here is a public endpoint: it takes only its input, resolves the viewer from the session,
// derives the cohort from the object (assessment → membership → cohort) and checks the viewer's access to
// that cohort in the database. Out of scope reads exactly like a random id (NOT_FOUND).
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { requireViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getCohortAccess } from "@/lib/auth/access";
import { getAssessmentScope } from "@/lib/features/cohort-progress/data";
import { signOffCriterion, type SignedOff } from "@/lib/features/cohort-progress/mutations";
import { canSignOffAssessment } from "@/lib/features/cohort-progress/policy";
import { SIGN_OFF_MESSAGES, signOffInputSchema } from "@/lib/features/cohort-progress/schema";

/** "Sign off" a learner's success-criterion self-assessment: an active mentor of its cohort, or an admin. */
export async function signOffCriterionAction(input: unknown): Promise<ActionResult<SignedOff>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { assessmentId, seenUpdatedAt } = parseInput(signOffInputSchema, input);
    const scope = await getAssessmentScope(assessmentId);
    const access = scope ? await getCohortAccess(viewer, scope.cohortId) : null;
    if (!scope || !access || !scope.learnerActive || !scope.criterionLive) {
      throw new AppError("NOT_FOUND", SIGN_OFF_MESSAGES.notFound);
    }
    if (!canSignOffAssessment(viewer, access, scope.learnerUserId)) throw new AppError("FORBIDDEN", SIGN_OFF_MESSAGES.own);
    return signOffCriterion({
      assessmentId: scope.assessmentId,
      seenUpdatedAt: new Date(seenUpdatedAt),
      actor: await actorOf(viewer),
      signerName: viewer.name,
      cohortId: scope.cohortId,
    });
  });
}
