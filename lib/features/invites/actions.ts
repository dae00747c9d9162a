"use server";

// Every export here is a public endpoint (docs/decisions/005). Cohort links: the viewer must manage the cohort
// (getCohortAccess), with the cohort derived from the invite itself when revoking. Instance links: the admin flag
// as the database says now. Accepting is public by design: the token in the link is the only credential.
// Out of scope reads exactly like a random id.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { getCohortAccess } from "@/lib/auth/access";
import { actorOf } from "@/lib/auth/actor";
import { getViewer, requireAdminForAction, requireViewer } from "@/lib/auth/viewer";
import { consumeRateLimit, refundRateLimit } from "@/lib/db/rate-limit";
import { AppError } from "@/lib/errors";
import { EMAIL_INVITES_LIMITED, EMAIL_INVITES_PER_DAY, INVITE_NOT_FOUND } from "@/lib/features/invites/constants";
import { getCohortOption, getInviteScope, getInviteScopeForAdmin } from "@/lib/features/invites/data";
import { acceptInviteAsUser, acceptInviteWithNewAccount, createInvite, emailInvites, revokeInvite } from "@/lib/features/invites/mutations";
import { canManageCohortInvites } from "@/lib/features/invites/policy";
import {
  acceptInviteSchema,
  createInviteSchema,
  emailInvitesSchema,
  instanceEmailInvitesSchema,
  instanceInviteSchema,
  inviteRefSchema,
  joinInviteSchema,
} from "@/lib/features/invites/schema";
import type { CreatedInvite, JoinedCohort } from "@/lib/features/invites/types";
import { mailConfigured } from "@/lib/mailer";

const COHORT_NOT_FOUND = "This cohort does not exist.";
const MAIL_OFF = "This Cairn does not send e-mail yet: share an invite link instead.";

/** Admin → Users: an instance invite's cohort must be one still listed (not archived). */
async function pickedCohort(cohortId: string | null) {
  if (!cohortId) return null;
  const cohort = await getCohortOption(cohortId);
  if (!cohort) throw new AppError("INVALID_INPUT", "Some fields need attention.", { cohortId: ["Pick a cohort from the list."] });
  return cohort;
}

/** Counts `count` mailed invites against the sender's day; a refused request counts nothing. */
async function withinInviteMailLimit(senderId: string, count: number): Promise<void> {
  const key = `invites:mail:${senderId}`;
  const { allowed } = await consumeRateLimit(key, { points: EMAIL_INVITES_PER_DAY, windowSeconds: 24 * 3600 }, count);
  if (allowed) return;
  await refundRateLimit(key, count);
  throw new AppError("RATE_LIMITED", EMAIL_INVITES_LIMITED);
}

/** "Create invite link": the token comes back once, in this response only. */
export async function createInviteAction(input: unknown): Promise<ActionResult<CreatedInvite>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, ...options } = parseInput(createInviteSchema, input);
    if (!canManageCohortInvites(await getCohortAccess(viewer, cohortId))) throw new AppError("NOT_FOUND", COHORT_NOT_FOUND);
    return createInvite(await actorOf(viewer), cohortId, options);
  });
}

/** Cohort → Members → "Invite by e-mail": a personal single-use link mailed to each address. */
export async function emailInvitesAction(input: unknown): Promise<ActionResult<{ sent: number }>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { cohortId, role, emails } = parseInput(emailInvitesSchema, input);
    const access = await getCohortAccess(viewer, cohortId);
    if (!access || !canManageCohortInvites(access)) throw new AppError("NOT_FOUND", COHORT_NOT_FOUND);
    if (!mailConfigured()) throw new AppError("INVALID_STATE", MAIL_OFF);
    await withinInviteMailLimit(viewer.id, emails.length);
    return emailInvites({ ...(await actorOf(viewer)), name: viewer.name }, { id: access.cohortId, name: access.cohortName }, role, emails);
  });
}

export async function revokeInviteAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { inviteId } = parseInput(inviteRefSchema, input);
    const invite = await getInviteScope(inviteId);
    if (!invite || !canManageCohortInvites(await getCohortAccess(viewer, invite.cohortId))) throw new AppError("NOT_FOUND", INVITE_NOT_FOUND);
    await revokeInvite(await actorOf(viewer), invite);
    return undefined;
  });
}

/** Admin → Users → Invite links → "Create invite link": the shared invite code, with or without a cohort. */
export async function createInstanceInviteAction(input: unknown): Promise<ActionResult<CreatedInvite>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { cohortId, ...options } = parseInput(instanceInviteSchema, input);
    const cohort = await pickedCohort(cohortId);
    return createInvite(await actorOf(viewer), cohort?.id ?? null, options);
  });
}

/** Admin → Users → Invite links → "Invite by e-mail": the cohort page's e-mail invites, for any role, with or without a cohort. */
export async function emailInstanceInvitesAction(input: unknown): Promise<ActionResult<{ sent: number }>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { cohortId, role, emails } = parseInput(instanceEmailInvitesSchema, input);
    const cohort = await pickedCohort(cohortId);
    if (!mailConfigured()) throw new AppError("INVALID_STATE", MAIL_OFF);
    await withinInviteMailLimit(viewer.id, emails.length);
    return emailInvites({ ...(await actorOf(viewer)), name: viewer.name }, cohort, role, emails);
  });
}

/** "Revoke" on any invite link of the instance, cohort links included. */
export async function revokeInstanceInviteAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { inviteId } = parseInput(inviteRefSchema, input);
    const invite = await getInviteScopeForAdmin(inviteId);
    if (!invite) throw new AppError("NOT_FOUND", INVITE_NOT_FOUND);
    await revokeInvite(await actorOf(viewer), invite);
    return undefined;
  });
}

/** Public (/invite/[token], signed out): create an account under the password policy and join. */
export async function acceptInviteAction(input: unknown): Promise<ActionResult<JoinedCohort>> {
  return runAction(async () => {
    const account = parseInput(acceptInviteSchema, input);
    const { userId: _userId, ...joined } = await acceptInviteWithNewAccount(account);
    return joined;
  });
}

/** Signed in: "Join <cohort>" with the current account. */
export async function joinCohortAction(input: unknown): Promise<ActionResult<JoinedCohort>> {
  return runAction(async () => {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in first, then open the link again.");
    const { token } = parseInput(joinInviteSchema, input);
    return acceptInviteAsUser(viewer.id, token);
  });
}
