import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import { cohortData, emitWebhookEvent, siteLink } from "@/lib/features/webhooks/mutations";
import { COHORT_SETTINGS_SELECT, getCohortSettings } from "@/lib/features/cohorts/data";
import { ROLE_WORD, SETTINGS_CONFLICT_MESSAGE, VERSION_CONFLICT_MESSAGE } from "@/lib/features/cohorts/constants";
import type { CohortSettingsUpdate, CreateCohortValues } from "@/lib/features/cohorts/schema";
import type { CohortSettingsValues } from "@/lib/features/cohorts/types";
import { dateOfDay, type Day, dayOfDate } from "@/lib/calendar";
import { homeOf, learnerScheduleOnJoining, startDateAudit } from "@/lib/features/cohorts/utils";
import { notify, notifyMany } from "@/lib/features/notifications/mutations";
import { releaseClaimsWithoutAccess } from "@/lib/features/reviews/mutations";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { countLearnerChanges, diffVersions } from "@/lib/features/roadmaps/version-diff";


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

/**
 * Admin → "New cohort": the cohort, its mentors' memberships, their notifications, the audit row and a
 * `cohort.member_added` webhook event per mentor, together.
 */
export async function createCohort(actor: Actor, values: CreateCohortValues): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await publishedVersionOrThrow(tx, values.versionId);
    const mentors = await tx.user.findMany({
      where: { email: { in: values.mentorEmails }, deactivatedAt: null },
      select: { id: true, email: true, name: true },
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
    // Founding mentors join like anyone added later, so a receiver keeping a member list misses nobody.
    for (const mentor of mentors) {
      await emitWebhookEvent(tx, "cohort.member_added", {
        cohort: { id: cohort.id, name: values.name },
        member: { id: mentor.id, name: mentor.name },
        role: "mentor",
        via: "cohort_created",
        url: siteLink(`/cohorts/${cohort.id}/members`),
      });
    }
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
      select: COHORT_SETTINGS_SELECT,
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
        behindPaceBy: values.behindPaceBy,
        changesRequestedDays: values.changesRequestedDays,
        phaseSlippedDays: values.phaseSlippedDays,
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
      const calendar = await tx.cohort.findUniqueOrThrow({
        where: { id: cohort.id },
        relationLoadStrategy: "join",
        select: {
          startDate: true,
          timezone: true,
          memberships: {
            where: { userId: user.id },
            select: { id: true, role: true, removedAt: true, startDate: true, startDateByMentor: true },
          },
        },
      });
      const existing = calendar.memberships[0] ?? null;
      if (existing && !existing.removedAt) {
        throw new AppError("CONFLICT", `${user.name} is already ${ROLE_WORD[existing.role]} in this cohort.`);
      }
      const schedule = role === "learner" ? learnerScheduleOnJoining(calendar, existing, new Date()) : {};
      const membership = existing
        ? await tx.membership.update({ where: { id: existing.id }, data: { removedAt: null, role, ...schedule }, select: { id: true } })
        : await tx.membership.create({ data: { cohortId: cohort.id, userId: user.id, role, ...schedule }, select: { id: true } });
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
        after: { userId: user.id, role, removedAt: null, reactivated: !!existing, ...startDateAudit(schedule) },
      });
      await emitWebhookEvent(tx, "cohort.member_added", {
        cohort: { id: cohort.id, name: cohort.name },
        member: { id: user.id, name: user.name },
        role,
        via: existing ? "added_back" : "added",
        url: siteLink(`/cohorts/${cohort.id}/members`),
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

/**
 * "Add back": clears removedAt; everything they did before is still attached to the membership. A learner resumes
 * from the day they come back unless a mentor chose their start date (docs/decisions/039).
 */
export async function restoreMember(
  actor: Actor,
  membership: MembershipScope & {
    removedAt: Date | null;
    startDate: Date | null;
    startDateByMentor: boolean;
    cohort: { startDate: Date; timezone: string };
  },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const schedule = membership.role === "learner" ? learnerScheduleOnJoining(membership.cohort, membership, new Date()) : {};
    const { count } = await tx.membership.updateMany({
      where: { id: membership.id, removedAt: { not: null } },
      data: { removedAt: null, ...schedule },
    });
    if (count === 0) throw new AppError("INVALID_STATE", `${membership.user.name} is already in this cohort.`);
    await writeAudit(tx, {
      actor,
      action: "cohort.member_add",
      targetType: "membership",
      targetId: membership.id,
      cohortId: membership.cohortId,
      before: { role: membership.role, removedAt: membership.removedAt?.toISOString() ?? null },
      after: { userId: membership.userId, role: membership.role, removedAt: null, reactivated: true, ...startDateAudit(schedule) },
    });
    await emitWebhookEvent(tx, "cohort.member_added", {
      cohort: cohortData(membership.cohortId),
      member: { id: membership.userId, name: membership.user.name },
      role: membership.role,
      via: "added_back",
      url: siteLink(`/cohorts/${membership.cohortId}/members`),
    });
  });
}

/**
 * A learner's own start date (null → the cohort's) and deadline extension in days. A date the mentor changes becomes
 * theirs and is kept if the learner is removed and added back; saving only a new extension leaves a date Cairn gave
 * a late joiner as it was (docs/decisions/039).
 */
export async function updateMemberSchedule(
  actor: Actor,
  membership: MembershipScope & { removedAt: Date | null; startDate: Date | null; startDateByMentor: boolean; extensionDays: number },
  schedule: { startDate: Day | null; extensionDays: number },
): Promise<{ startDate: Day | null; extensionDays: number }> {
  if (membership.role !== "learner") throw new AppError("INVALID_STATE", "Only learners have a start date and deadlines.");
  if (membership.removedAt) throw new AppError("INVALID_STATE", `Add ${membership.user.name} back to the cohort first.`);
  const before = membership.startDate ? dayOfDate(membership.startDate) : null;
  const byMentor = schedule.startDate !== null && (schedule.startDate !== before || membership.startDateByMentor);
  await db.$transaction(async (tx) => {
    await tx.membership.update({
      where: { id: membership.id },
      data: {
        startDate: schedule.startDate ? dateOfDay(schedule.startDate) : null,
        startDateByMentor: byMentor,
        extensionDays: schedule.extensionDays,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "cohort.member_schedule",
      targetType: "membership",
      targetId: membership.id,
      cohortId: membership.cohortId,
      before: { startDate: before, extensionDays: membership.extensionDays },
      after: schedule,
    });
  });
  return schedule;
}

/**
 * Points the cohort at another published version. Nothing is deleted or copied: progress hangs off
 * milestone keys, so kept keys show their status at once and dropped keys' work stays stored.
 * Conditional on the version the preview was made against, so two racing moves cannot both apply.
 * The cohort keeps when it moved and what changed for learners (their roadmap shows it until each dismisses it), and
 * every active learner and mentor but the one who moved it is told, in one INSERT.
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
    if (!from) throw new AppError("CONFLICT", VERSION_CONFLICT_MESSAGE);
    const [before, after] = await Promise.all([getRoadmapDocument(fromVersionId, tx), getRoadmapDocument(toVersionId, tx)]);
    const { count } = await tx.cohort.updateMany({
      where: { id: cohortId, versionId: fromVersionId, archivedAt: null },
      data: { versionId: toVersionId, versionMovedAt: new Date(), versionMoveChanges: countLearnerChanges(diffVersions(before, after)) },
    });
    if (count === 0) throw new AppError("CONFLICT", VERSION_CONFLICT_MESSAGE);
    const members = await tx.membership.findMany({
      where: { cohortId, removedAt: null, userId: { not: actor.id }, user: { deactivatedAt: null } },
      select: { userId: true, role: true, cohort: { select: { name: true } } },
    });
    await notifyMany(
      tx,
      members.map(({ userId, role, cohort }) => ({
        userId,
        type: "version_move" as const,
        title:
          role === "learner"
            ? `Your roadmap was updated to ${target.title} v${target.number}.`
            : `${cohort.name} now follows ${target.title} v${target.number}.`,
        href: role === "learner" ? `/roadmap?cohort=${cohortId}` : `/cohorts/${cohortId}/settings`,
      })),
    );
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
