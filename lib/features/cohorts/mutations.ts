import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import {
  getCohortSettings,
  hashInviteToken,
  inviteSelect,
  toInviteRow,
} from "@/lib/features/cohorts/data";
import { INVITE_INVALID_MESSAGE, SETTINGS_CONFLICT_MESSAGE, VERSION_CONFLICT_MESSAGE } from "@/lib/features/cohorts/constants";
import type { CohortSettingsUpdate, CreateCohortValues } from "@/lib/features/cohorts/schema";
import type { CohortSettingsValues, CreatedInvite, JoinedCohort } from "@/lib/features/cohorts/types";
import { dateOfDay, type Day, dayOfDate } from "@/lib/calendar";
import { inviteState, otherRoleInviteNotice } from "@/lib/features/cohorts/utils";
import { notify, notifyMany } from "@/lib/features/notifications/mutations";
import { releaseClaimsWithoutAccess } from "@/lib/features/reviews/mutations";
import { Prisma } from "@/lib/generated/prisma/client";

const ROLE_WORD = { learner: "a learner", mentor: "a mentor", admin: "an admin" } as const;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Where a member lands: learners on their roadmap in this cohort, mentors on its members page, admins on
 * the admin home; an account from an instance invite without a cohort waits on /welcome to be added to one.
 */
function homeOf(role: "admin" | "mentor" | "learner", cohortId: string | null) {
  if (role === "admin") return "/admin";
  if (!cohortId) return "/welcome";
  return role === "learner" ? `/roadmap?cohort=${cohortId}` : `/cohorts/${cohortId}/members`;
}

async function publishedVersionOrThrow(tx: Tx, versionId: string) {
  const version = await tx.roadmapVersion.findFirst({
    where: { id: versionId, status: "published", roadmap: { archivedAt: null } },
    select: { id: true, number: true, title: true },
  });
  if (!version) {
    throw new AppError("INVALID_INPUT", "Some fields need attention.", { versionId: ["Pick a published roadmap version."] });
  }
  return version;
}

/** Admin → "New cohort": the cohort, its mentors' memberships, their notifications and the audit row, together. */
export async function createCohort(actor: Actor, values: CreateCohortValues): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await publishedVersionOrThrow(tx, values.versionId);
    const mentors = await tx.user.findMany({
      where: { email: { in: values.mentorEmails }, deactivatedAt: null },
      select: { id: true, email: true },
    });
    const missing = values.mentorEmails.filter((email) => !mentors.some((mentor) => mentor.email === email));
    if (missing.length > 0) {
      throw new AppError("INVALID_INPUT", "Some fields need attention.", {
        mentorEmails: missing.map((email) => `No active account uses ${email}. Invite them from the cohort's members page instead.`),
      });
    }
    const cohort = await tx.cohort.create({
      data: {
        name: values.name,
        versionId: values.versionId,
        startDate: dateOfDay(values.startDate),
        endDate: values.endDate ? dateOfDay(values.endDate) : null,
        weeksPerPhase: values.weeksPerPhase,
        reviewTargetHours: values.reviewTargetHours,
        timezone: values.timezone,
      },
      select: { id: true },
    });
    await tx.membership.createMany({ data: mentors.map((mentor) => ({ cohortId: cohort.id, userId: mentor.id, role: "mentor" as const })) });
    await notifyMany(
      tx,
      mentors.map((mentor) => ({
        userId: mentor.id,
        type: "invite" as const,
        title: `You now mentor ${values.name}`,
        href: `/cohorts/${cohort.id}/members`,
      })),
    );
    const { mentorEmails, ...fields } = values;
    await writeAudit(tx, {
      actor,
      action: "cohort.create",
      targetType: "cohort",
      targetId: cohort.id,
      cohortId: cohort.id,
      after: { ...fields, mentors: mentorEmails },
    });
    return cohort;
  });
}

export type SettingsSaveOutcome =
  | { status: "saved"; settings: CohortSettingsValues }
  | { status: "conflict"; current: CohortSettingsValues; message: string };

/**
 * Saves a cohort's own fields if nobody saved since the form loaded (Cohort.lockVersion);
 * otherwise nothing is written and the current values come back for the form.
 */
export async function updateCohortSettings(
  actor: Actor,
  cohortId: string,
  lockVersion: number,
  values: CohortSettingsUpdate,
): Promise<SettingsSaveOutcome> {
  const outcome = await db.$transaction(async (tx): Promise<SettingsSaveOutcome | null> => {
    const before = await tx.cohort.findFirst({
      where: { id: cohortId, archivedAt: null },
      select: {
        name: true,
        startDate: true,
        endDate: true,
        weeksPerPhase: true,
        reviewTargetHours: true,
        timezone: true,
        inactivityDays: true,
      },
    });
    if (!before) throw new AppError("NOT_FOUND", "This cohort does not exist.");
    const { count } = await tx.cohort.updateMany({
      where: { id: cohortId, lockVersion, archivedAt: null },
      data: {
        name: values.name,
        startDate: dateOfDay(values.startDate),
        endDate: values.endDate ? dateOfDay(values.endDate) : null,
        weeksPerPhase: values.weeksPerPhase,
        reviewTargetHours: values.reviewTargetHours,
        timezone: values.timezone,
        inactivityDays: values.inactivityDays,
        lockVersion: { increment: 1 },
      },
    });
    if (count === 0) return null;
    const beforeValues = {
      ...before,
      startDate: dayOfDate(before.startDate),
      endDate: before.endDate ? dayOfDate(before.endDate) : null,
    };
    const changed = (Object.keys(values) as (keyof CohortSettingsUpdate)[]).filter((field) => beforeValues[field] !== values[field]);
    await writeAudit(tx, {
      actor,
      action: "cohort.update",
      targetType: "cohort",
      targetId: cohortId,
      cohortId,
      before: Object.fromEntries(changed.map((field) => [field, beforeValues[field]])),
      after: Object.fromEntries(changed.map((field) => [field, values[field]])),
    });
    return { status: "saved", settings: { ...values, lockVersion: lockVersion + 1 } };
  });
  if (outcome) return outcome;
  const current = await getCohortSettings(cohortId);
  if (!current) throw new AppError("NOT_FOUND", "This cohort does not exist.");
  return { status: "conflict", current: current.settings, message: SETTINGS_CONFLICT_MESSAGE };
}

/**
 * Adds an existing account to the cohort. Someone removed earlier is added back (removedAt cleared,
 * their earlier work still attached); someone already active is a conflict, never a duplicate.
 */
export async function addMemberByEmail(
  actor: Actor,
  cohort: { id: string; name: string },
  email: string,
  role: "learner" | "mentor",
): Promise<{ membershipId: string; reactivated: boolean }> {
  const user = await db.user.findFirst({ where: { email, deactivatedAt: null }, select: { id: true, name: true } });
  if (!user) {
    throw new AppError("INVALID_INPUT", "Some fields need attention.", {
      email: ["No active account uses this email. Create an invite link for them instead."],
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.membership.findUnique({
        where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } },
        select: { id: true, role: true, removedAt: true },
      });
      if (existing && !existing.removedAt) {
        throw new AppError("CONFLICT", `${user.name} is already ${ROLE_WORD[existing.role]} in this cohort.`);
      }
      const membership = existing
        ? await tx.membership.update({ where: { id: existing.id }, data: { removedAt: null, role }, select: { id: true } })
        : await tx.membership.create({ data: { cohortId: cohort.id, userId: user.id, role }, select: { id: true } });
      await notify(tx, {
        userId: user.id,
        type: "invite",
        title: `You were added to ${cohort.name} as ${ROLE_WORD[role]}`,
        href: homeOf(role, cohort.id),
      });
      await writeAudit(tx, {
        actor,
        action: "cohort.member_add",
        targetType: "membership",
        targetId: membership.id,
        cohortId: cohort.id,
        before: existing ? { role: existing.role, removedAt: existing.removedAt?.toISOString() ?? null } : undefined,
        after: { userId: user.id, role, removedAt: null, reactivated: !!existing },
      });
      return { membershipId: membership.id, reactivated: !!existing };
    });
  } catch (error) {
    // Two people adding the same person at once: the unique (cohort, user) pair lets one win.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${user.name} was just added to this cohort.`);
    throw error;
  }
}

type MembershipScope = { id: string; cohortId: string; userId: string; role: "mentor" | "learner"; user: { name: string } };

/**
 * Sets removedAt: the person loses access on their next request; their progress, attempts and threads stay.
 * A removed mentor's review claims in this cohort are freed in the same transaction (docs/security.md #41).
 */
export async function removeMember(actor: Actor, membership: MembershipScope): Promise<void> {
  await db.$transaction(async (tx) => {
    const removedAt = new Date();
    const { count } = await tx.membership.updateMany({ where: { id: membership.id, removedAt: null }, data: { removedAt } });
    if (count === 0) throw new AppError("INVALID_STATE", `${membership.user.name} is not in this cohort any more.`);
    const claimsReleased = membership.role === "mentor" ? await releaseClaimsWithoutAccess(tx, membership.userId) : 0;
    await writeAudit(tx, {
      actor,
      action: "cohort.member_remove",
      targetType: "membership",
      targetId: membership.id,
      cohortId: membership.cohortId,
      before: { userId: membership.userId, role: membership.role, removedAt: null },
      after: {
        userId: membership.userId,
        role: membership.role,
        removedAt: removedAt.toISOString(),
        ...(claimsReleased > 0 ? { claimsReleased } : {}),
      },
    });
  });
}

/** "Add back": clears removedAt; everything they did before is still attached to the membership. */
export async function restoreMember(actor: Actor, membership: MembershipScope & { removedAt: Date | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.membership.updateMany({
      where: { id: membership.id, removedAt: { not: null } },
      data: { removedAt: null },
    });
    if (count === 0) throw new AppError("INVALID_STATE", `${membership.user.name} is already in this cohort.`);
    await writeAudit(tx, {
      actor,
      action: "cohort.member_add",
      targetType: "membership",
      targetId: membership.id,
      cohortId: membership.cohortId,
      before: { role: membership.role, removedAt: membership.removedAt?.toISOString() ?? null },
      after: { userId: membership.userId, role: membership.role, removedAt: null, reactivated: true },
    });
  });
}

/** A learner's own start date (null → the cohort's) and deadline extension in days. */
export async function updateMemberSchedule(
  actor: Actor,
  membership: MembershipScope & { removedAt: Date | null; startDate: Date | null; extensionDays: number },
  schedule: { startDate: Day | null; extensionDays: number },
): Promise<{ startDate: Day | null; extensionDays: number }> {
  if (membership.role !== "learner") throw new AppError("INVALID_STATE", "Only learners have a start date and deadlines.");
  if (membership.removedAt) throw new AppError("INVALID_STATE", `Add ${membership.user.name} back to the cohort first.`);
  await db.$transaction(async (tx) => {
    await tx.membership.update({
      where: { id: membership.id },
      data: { startDate: schedule.startDate ? dateOfDay(schedule.startDate) : null, extensionDays: schedule.extensionDays },
    });
    await writeAudit(tx, {
      actor,
      action: "cohort.member_schedule",
      targetType: "membership",
      targetId: membership.id,
      cohortId: membership.cohortId,
      before: { startDate: membership.startDate ? dayOfDate(membership.startDate) : null, extensionDays: membership.extensionDays },
      after: schedule,
    });
  });
  return schedule;
}

/** 32 random bytes (256 bits) in base64url; only its sha256 is stored. */
function newInviteToken() {
  return randomBytes(32).toString("base64url");
}

/**
 * An invite link for a cohort, or for the instance (cohortId null: an admin, or a plain account that an
 * admin or mentor adds to a cohort later). The token is returned once, here, and never stored or logged.
 */
export async function createInvite(
  actor: Actor,
  cohortId: string | null,
  options: { role: "admin" | "learner" | "mentor"; expiresInDays: number; maxUses: number },
  now = new Date(),
): Promise<CreatedInvite> {
  // Admin is an instance-wide flag, never a role in one cohort.
  if (options.role === "admin" && cohortId) throw new AppError("INVALID_INPUT", "Some fields need attention.", { cohortId: ["An admin invite can't name a cohort."] });
  const token = newInviteToken();
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: {
        tokenHash: hashInviteToken(token),
        role: options.role,
        cohortId,
        maxUses: options.maxUses,
        expiresAt: new Date(now.getTime() + options.expiresInDays * 24 * 3600 * 1000),
        createdById: actor.id,
      },
      select: inviteSelect,
    });
    await writeAudit(tx, {
      actor,
      action: "invite.create",
      targetType: "invite",
      targetId: invite.id,
      cohortId,
      after: { role: invite.role, maxUses: invite.maxUses, expiresAt: invite.expiresAt.toISOString() },
    });
    return { token, invite: toInviteRow(invite, now) };
  });
}

export async function revokeInvite(actor: Actor, invite: { id: string; cohortId: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const revokedAt = new Date();
    const { count } = await tx.invite.updateMany({ where: { id: invite.id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw new AppError("INVALID_STATE", "This invite link is already revoked.");
    await writeAudit(tx, {
      actor,
      action: "invite.revoke",
      targetType: "invite",
      targetId: invite.id,
      cohortId: invite.cohortId,
      before: { revokedAt: null },
      after: { revokedAt: revokedAt.toISOString() },
    });
  });
}

/**
 * Points the cohort at another published version. Nothing is deleted or copied: progress hangs off
 * milestone keys, so kept keys show their status at once and dropped keys' work stays stored.
 * Conditional on the version the preview was made against, so two racing moves cannot both apply.
 */
export async function moveCohortVersion(
  actor: Actor,
  cohortId: string,
  fromVersionId: string,
  toVersionId: string,
): Promise<{ versionId: string; number: number }> {
  if (fromVersionId === toVersionId) throw new AppError("INVALID_STATE", "The cohort already follows this version.");
  return db.$transaction(async (tx) => {
    const target = await publishedVersionOrThrow(tx, toVersionId);
    const from = await tx.roadmapVersion.findUnique({ where: { id: fromVersionId }, select: { number: true, title: true } });
    const { count } = await tx.cohort.updateMany({
      where: { id: cohortId, versionId: fromVersionId, archivedAt: null },
      data: { versionId: toVersionId },
    });
    if (count === 0 || !from) throw new AppError("CONFLICT", VERSION_CONFLICT_MESSAGE);
    await writeAudit(tx, {
      actor,
      action: "cohort.version_move",
      targetType: "cohort",
      targetId: cohortId,
      cohortId,
      before: { versionId: fromVersionId, number: from.number, title: from.title },
      after: { versionId: toVersionId, number: target.number, title: target.title },
    });
    return { versionId: toVersionId, number: target.number };
  });
}

// ——— Invite acceptance ———

type ConsumedInvite = { id: string; role: "admin" | "mentor" | "learner"; cohort_id: string | null };

function invalidInvite(): never {
  throw new AppError("NOT_FOUND", INVITE_INVALID_MESSAGE);
}

/**
 * Takes one use of the invite if it is still usable, in a single conditional UPDATE: when two people
 * race for the last use, the row lock makes the second re-check `use_count < max_uses` and match nothing.
 */
async function consumeInvite(tx: Tx, tokenHash: string): Promise<ConsumedInvite> {
  const rows = await tx.$queryRaw<ConsumedInvite[]>`
    UPDATE invites SET use_count = use_count + 1, updated_at = now()
    WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND expires_at > now() AND use_count < max_uses
      AND (cohort_id IS NULL OR EXISTS (SELECT 1 FROM cohorts WHERE cohorts.id = invites.cohort_id AND cohorts.archived_at IS NULL))
    RETURNING id, role::text AS role, cohort_id::text AS cohort_id`;
  const invite = rows[0];
  if (!invite || (invite.role === "admin" && invite.cohort_id)) invalidInvite();
  return invite;
}

/** The membership (cohort invites) a person already has, locked for the rest of the transaction. */
type Standing = { membership: { id: string; role: "mentor" | "learner"; removedAt: Date | null } | null; activeRole: JoinedCohort["role"] | null };

/**
 * What the person already holds that the invite would grant — their membership of the invite's cohort, or the admin
 * flag — read `FOR UPDATE`, so a second join, a removal or an "Add back" of the same person waits for this
 * transaction and then sees its outcome.
 */
async function lockStanding(tx: Tx, invite: { role: JoinedCohort["role"]; cohortId: string | null }, userId: string): Promise<Standing> {
  if (invite.role === "admin") {
    const [user] = await tx.$queryRaw<{ is_admin: boolean }[]>`SELECT is_admin FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    return { membership: null, activeRole: user?.is_admin ? "admin" : null };
  }
  const [row] = await tx.$queryRaw<{ id: string; role: "mentor" | "learner"; removed_at: Date | null }[]>`
    SELECT id::text AS id, role::text AS role, removed_at FROM memberships
     WHERE cohort_id = ${invite.cohortId}::uuid AND user_id = ${userId}::uuid
       FOR UPDATE`;
  if (!row) return { membership: null, activeRole: null };
  return { membership: { id: row.id, role: row.role, removedAt: row.removed_at }, activeRole: row.removed_at ? null : row.role };
}

/**
 * Gives the account exactly the invite's role (docs/security.md #35). A removed member comes back on their old
 * membership — their earlier work stays attached — but with the invite's role, never the one they had: a mentor
 * removed from a cohort who opens a learner link is a learner. The caller has checked, under lockStanding, that
 * the person is not an active member already. A mentor or learner invite without a cohort only creates the account.
 */
async function joinWithInvite(tx: Tx, invite: ConsumedInvite, userId: string, previous: Standing["membership"]): Promise<void> {
  if (invite.role === "admin") {
    await tx.user.update({ where: { id: userId }, data: { isAdmin: true } });
  } else if (invite.cohort_id) {
    if (previous) {
      await tx.membership.update({ where: { id: previous.id }, data: { removedAt: null, role: invite.role } });
    } else {
      await tx.membership.create({ data: { cohortId: invite.cohort_id, userId, role: invite.role } });
    }
  }
  // Someone removed and invited again redeems the same invite twice; one redemption row is enough.
  await tx.inviteRedemption.createMany({ data: [{ inviteId: invite.id, userId }], skipDuplicates: true });
  const reactivated = !!previous;
  await writeAudit(tx, {
    actor: { id: userId, requestId: null },
    action: "invite.redeem",
    targetType: "invite",
    targetId: invite.id,
    cohortId: invite.cohort_id,
    before: previous ? { userId, role: previous.role, removedAt: previous.removedAt?.toISOString() ?? null } : undefined,
    after: { userId, role: invite.role, reactivated, ...(previous ? { removedAt: null } : {}) },
  });
}

/**
 * Someone already active opens an invite: nothing changes and no use is taken. When the invite is for another role
 * they are told so plainly instead of being moved between roles by a link.
 */
function alreadyJoined(cohortId: string | null, role: JoinedCohort["role"], inviteRole: JoinedCohort["role"]): JoinedCohort {
  const joined: JoinedCohort = { cohortId, role, home: homeOf(role, cohortId), alreadyMember: true };
  const notice = otherRoleInviteNotice(role, inviteRole);
  return notice ? { ...joined, notice: `You are already ${ROLE_WORD[role]} in this cohort. ${notice}` } : joined;
}

async function usableInviteOrThrow(tokenHash: string, now: Date) {
  const invite = await db.invite.findUnique({
    where: { tokenHash },
    select: { role: true, cohortId: true, revokedAt: true, expiresAt: true, useCount: true, maxUses: true },
  });
  if (!invite || inviteState(invite, now) !== "active") invalidInvite();
  return invite;
}

/**
 * Signed out: creates the account (password already checked against the policy) and joins with the
 * invite's role in one transaction — a taken email or a lost race leaves nothing behind.
 */
export async function acceptInviteWithNewAccount(
  account: { token: string; name: string; email: string; password: string },
  now = new Date(),
): Promise<JoinedCohort & { userId: string }> {
  const tokenHash = hashInviteToken(account.token);
  await usableInviteOrThrow(tokenHash, now);
  const emailTaken = () =>
    new AppError("INVALID_INPUT", "Some fields need attention.", {
      email: ["An account with this email already exists. Sign in, then open this link again."],
    });
  if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } })) throw emailTaken();
  // Hashing is slow on purpose; do it before the transaction so the invite row is locked only briefly.
  const passwordHash = await hashPassword(account.password);
  try {
    return await db.$transaction(async (tx) => {
      const invite = await consumeInvite(tx, tokenHash);
      const user = await tx.user.create({
        data: { email: account.email, name: account.name, passwordHash },
        select: { id: true },
      });
      await joinWithInvite(tx, invite, user.id, null);
      return { userId: user.id, cohortId: invite.cohort_id, role: invite.role, home: homeOf(invite.role, invite.cohort_id), alreadyMember: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * Signed in: "Join <cohort>". Someone already active in the cohort (or already an admin, for an admin invite) keeps
 * what they have and the invite keeps its use, whatever role the invite names; someone removed earlier comes back
 * with the invite's role.
 */
export async function acceptInviteAsUser(userId: string, token: string, now = new Date()): Promise<JoinedCohort> {
  const tokenHash = hashInviteToken(token);
  const invite = await usableInviteOrThrow(tokenHash, now);
  // An instance invite for a plain account has nothing to give someone who already has one.
  if (invite.role !== "admin" && !invite.cohortId) return { cohortId: null, role: invite.role, home: "/", alreadyMember: true };
  try {
    return await db.$transaction(async (tx) => {
      const standing = await lockStanding(tx, invite, userId);
      if (standing.activeRole) return alreadyJoined(invite.cohortId, standing.activeRole, invite.role);
      const consumed = await consumeInvite(tx, tokenHash);
      await joinWithInvite(tx, consumed, userId, standing.membership);
      return { cohortId: consumed.cohort_id, role: consumed.role, home: homeOf(consumed.role, consumed.cohort_id), alreadyMember: false };
    });
  } catch (error) {
    // The same person joining twice at once with no membership yet: the unique (cohort, user) pair lets one
    // transaction create it; this one rolled back without taking a use and reports what the other made.
    if (!isUniqueViolation(error) || !invite.cohortId) throw error;
    const membership = await db.membership.findUnique({
      where: { cohortId_userId: { cohortId: invite.cohortId, userId } },
      select: { role: true, removedAt: true },
    });
    if (!membership || membership.removedAt) throw error;
    return alreadyJoined(invite.cohortId, membership.role, invite.role);
  }
}
