import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { LOGIN_SSO_ONLY_MESSAGE } from "@/lib/auth/constants";
import { hashPassword } from "@/lib/auth/password";
import { passwordSignInRefused } from "@/lib/auth/sso-settings";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ROLE_WORD } from "@/lib/features/cohorts/constants";
import { isUniqueViolation } from "@/lib/db/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import { cohortData, emitWebhookEvent, personData, siteLink } from "@/lib/features/webhooks/mutations";
import { homeOf, learnerScheduleOnJoining, startDateAudit } from "@/lib/features/cohorts/utils";
import { EMAIL_INVITE_EXPIRY_DAYS, INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { MAIL_FLUSH_JOB } from "@/lib/jobs/names";
import { queueMail } from "@/lib/features/mail/mutations";
import { inviteMail } from "@/lib/features/mail/utils";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { kick } from "@/lib/jobs/boss";
import { publicBaseUrl } from "@/lib/mailer";
import { hashInviteToken, inviteSelect, toInviteRow } from "@/lib/features/invites/data";
import type { CreatedInvite, JoinedCohort } from "@/lib/features/invites/types";
import { canInviteAs, isInviteUsable } from "@/lib/features/invites/policy";
import { otherRoleInviteNotice } from "@/lib/features/invites/utils";

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
  if (!canInviteAs(options.role, cohortId)) throw new AppError("INVALID_INPUT", "Some fields need attention.", { cohortId: ["An admin invite can't name a cohort."] });
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

/**
 * "Invite by e-mail": one personal link per address (single use, EMAIL_INVITE_EXPIRY_DAYS), each mailed through the
 * outbox in the same transaction as its invite, so an invite exists exactly when its mail does. The tokens live only
 * in the mails until they are sent (docs/decisions/065). With a cohort the link joins it (a cohort's Members page, or
 * Admin → Users); without one (Admin → Users) it creates an admin, or a plain account added to a cohort later.
 */
export async function emailInvites(
  actor: Actor & { name: string },
  cohort: { id: string; name: string } | null,
  role: "admin" | "learner" | "mentor",
  emails: readonly string[],
  now = new Date(),
): Promise<{ sent: number }> {
  const cohortId = cohort?.id ?? null;
  if (!canInviteAs(role, cohortId)) throw new AppError("INVALID_INPUT", "Some fields need attention.", { cohortId: ["An admin invite can't name a cohort."] });
  const expiresAt = new Date(now.getTime() + EMAIL_INVITE_EXPIRY_DAYS * 24 * 3600 * 1000);
  const baseUrl = publicBaseUrl();
  await db.$transaction(async (tx) => {
    for (const email of emails) {
      const token = newInviteToken();
      const invite = await tx.invite.create({
        data: { tokenHash: hashInviteToken(token), role, cohortId, maxUses: 1, expiresAt, sentTo: email, createdById: actor.id },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor,
        action: "invite.create",
        targetType: "invite",
        targetId: invite.id,
        cohortId,
        after: { role, maxUses: 1, expiresAt: expiresAt.toISOString(), emailed: true },
      });
      const content = inviteMail({
        inviterName: actor.name,
        cohortName: cohort?.name ?? null,
        as: ROLE_WORD[role],
        url: `${baseUrl}/invite/${token}`,
        expiresOn: formatDay(dayIn(expiresAt, "UTC")),
      });
      await queueMail(tx, { userId: null, to: email, kind: "invite", content });
    }
  });
  kick(MAIL_FLUSH_JOB);
  return { sent: emails.length };
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

// ——— Invite acceptance ———

type ConsumedInvite = {
  id: string;
  role: "admin" | "mentor" | "learner";
  cohort_id: string | null;
  /** The cohort's calendar, which a learner's start date is read on (null without a cohort). */
  cohort: { startDate: Date; timezone: string } | null;
};

type ConsumedRow = Omit<ConsumedInvite, "cohort"> & { cohort_start_date: Date | null; cohort_timezone: string | null };

function invalidInvite(): never {
  throw new AppError("NOT_FOUND", INVITE_INVALID_MESSAGE);
}

/**
 * Takes one use of the invite if it is still usable, in a single conditional UPDATE: when two people
 * race for the last use, the row lock makes the second re-check `use_count < max_uses` and match nothing.
 */
async function consumeInvite(tx: Tx, tokenHash: string): Promise<ConsumedInvite> {
  const rows = await tx.$queryRaw<ConsumedRow[]>`
    UPDATE invites SET use_count = use_count + 1, updated_at = now()
    WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND expires_at > now() AND use_count < max_uses
      AND (cohort_id IS NULL OR EXISTS (SELECT 1 FROM cohorts WHERE cohorts.id = invites.cohort_id AND cohorts.archived_at IS NULL))
    RETURNING id, role::text AS role, cohort_id::text AS cohort_id,
      (SELECT start_date FROM cohorts WHERE cohorts.id = invites.cohort_id) AS cohort_start_date,
      (SELECT timezone FROM cohorts WHERE cohorts.id = invites.cohort_id) AS cohort_timezone`;
  const row = rows[0];
  if (!row || !canInviteAs(row.role, row.cohort_id)) invalidInvite();
  const { cohort_start_date: startDate, cohort_timezone: timezone, ...invite } = row;
  return { ...invite, cohort: startDate && timezone !== null ? { startDate, timezone } : null };
}

/** The membership (cohort invites) a person already has, locked for the rest of the transaction. */
type Standing = {
  membership: { id: string; role: "mentor" | "learner"; removedAt: Date | null; startDate: Date | null; startDateByMentor: boolean } | null;
  activeRole: JoinedCohort["role"] | null;
};

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
  const [row] = await tx.$queryRaw<
    { id: string; role: "mentor" | "learner"; removed_at: Date | null; start_date: Date | null; start_date_by_mentor: boolean }[]
  >`
    SELECT id::text AS id, role::text AS role, removed_at, start_date, start_date_by_mentor FROM memberships
     WHERE cohort_id = ${invite.cohortId}::uuid AND user_id = ${userId}::uuid
       FOR UPDATE`;
  if (!row) return { membership: null, activeRole: null };
  return {
    membership: {
      id: row.id,
      role: row.role,
      removedAt: row.removed_at,
      startDate: row.start_date,
      startDateByMentor: row.start_date_by_mentor,
    },
    activeRole: row.removed_at ? null : row.role,
  };
}

/**
 * Gives the account exactly the invite's role (docs/security.md #35). A removed member comes back on their old
 * membership — their earlier work stays attached — but with the invite's role, never the one they had: a mentor
 * removed from a cohort who opens a learner link is a learner. The caller has checked, under lockStanding, that
 * the person is not an active member already. A learner who joins after the cohort's start starts on the day they
 * join, and one who comes back resumes from that day unless a mentor chose their date (docs/decisions/039). A mentor
 * or learner invite without a cohort only creates the account.
 */
async function joinWithInvite(
  tx: Tx,
  invite: ConsumedInvite,
  userId: string,
  previous: Standing["membership"],
  now: Date,
): Promise<void> {
  const schedule = invite.role === "learner" && invite.cohort ? learnerScheduleOnJoining(invite.cohort, previous, now) : {};
  if (invite.role === "admin") {
    await tx.user.update({ where: { id: userId }, data: { isAdmin: true } });
  } else if (invite.cohort_id) {
    if (previous) {
      await tx.membership.update({ where: { id: previous.id }, data: { removedAt: null, role: invite.role, ...schedule } });
    } else {
      await tx.membership.create({ data: { cohortId: invite.cohort_id, userId, role: invite.role, ...schedule } });
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
    after: { userId, role: invite.role, reactivated, ...(previous ? { removedAt: null } : {}), ...startDateAudit(schedule) },
  });
  if (invite.role !== "admin" && invite.cohort_id) {
    await emitWebhookEvent(tx, "cohort.member_added", {
      cohort: cohortData(invite.cohort_id),
      member: personData(userId),
      role: invite.role,
      via: "invite",
      url: siteLink(`/cohorts/${invite.cohort_id}/members`),
    });
  }
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
  if (!invite || !isInviteUsable(invite, now)) invalidInvite();
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
  const usable = await usableInviteOrThrow(tokenHash, now);
  // A password account could not sign in while only single sign-on is allowed; admins keep passwords (decision 057).
  if (usable.role !== "admin" && (await passwordSignInRefused())) throw new AppError("INVALID_STATE", LOGIN_SSO_ONLY_MESSAGE);
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
      await joinWithInvite(tx, invite, user.id, null, now);
      return { userId: user.id, cohortId: invite.cohort_id, role: invite.role, home: homeOf(invite.role, invite.cohort_id), alreadyMember: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * Single sign-on through an invite link, for an email Cairn does not know: the account is created with the invite's
 * role and cohort and the use counted exactly as for a password account. It gets a random password nobody knows (an
 * admin's reset link sets one); `link` stores the provider's identity in the same transaction.
 */
export async function acceptInviteWithSsoAccount(
  account: { token: string; name: string; email: string },
  link: (tx: Tx, userId: string) => Promise<void>,
  now = new Date(),
): Promise<JoinedCohort & { user: { id: string; email: string; name: string; sessionVersion: number } }> {
  const tokenHash = hashInviteToken(account.token);
  await usableInviteOrThrow(tokenHash, now);
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return db.$transaction(async (tx) => {
    const invite = await consumeInvite(tx, tokenHash);
    const user = await tx.user.create({
      data: { email: account.email, name: account.name, passwordHash },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
    await link(tx, user.id);
    await joinWithInvite(tx, invite, user.id, null, now);
    return { user, cohortId: invite.cohort_id, role: invite.role, home: homeOf(invite.role, invite.cohort_id), alreadyMember: false };
  });
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
      await joinWithInvite(tx, consumed, userId, standing.membership, now);
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
