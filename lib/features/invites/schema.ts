import { z } from "zod";
import { cohortIdSchema, memberRoleSchema, wholeNumber } from "@/lib/features/cohorts/schema";
import {
  EMAIL_INVITES_MAX,
  INSTANCE_INVITE_EXPIRY_DAYS_MAX,
  INVITE_EXPIRY_DAYS_MAX,
  INVITE_INVALID_MESSAGE,
  INVITE_USES_MAX,
} from "@/lib/features/invites/constants";
import { canInviteAs } from "@/lib/features/invites/policy";
import { emailSchema, newAccountSchema } from "@/lib/features/users/schema";

// Server-side only in practice: newAccountSchema brings the password policy (argon2) along, so client
// components import limits and messages from constants.ts instead.

export const createInviteSchema = z
  .object({
    cohortId: cohortIdSchema,
    role: memberRoleSchema,
    expiresInDays: wholeNumber(1, INVITE_EXPIRY_DAYS_MAX, "the days until the link expires"),
    maxUses: wholeNumber(1, INVITE_USES_MAX, "how many people may use the link"),
  })
  .strict();
export const inviteRefSchema = z.object({ inviteId: z.uuid("This invite does not exist.") }).strict();

/** Who an instance invite makes: an admin, a mentor or a learner. */
const instanceRoleSchema = z.enum(["admin", "mentor", "learner"], "Choose admin, mentor or learner.");
/** An instance invite's cohort: none ("" from the form's "No cohort"), or one picked from the list. */
const optionalCohortIdSchema = z.preprocess((value) => (value === "" || value === undefined ? null : value), z.uuid("Pick a cohort from the list.").nullable());
/** Said on the cohort field when an admin invite names one (canInviteAs). */
const ADMIN_NAMES_NO_COHORT = { message: "Admins belong to the whole instance; leave the cohort empty.", path: ["cohortId"] };

/** Admin → Users → "Create invite link": an admin (never tied to a cohort), or a mentor/learner with an optional cohort. */
export const instanceInviteSchema = z
  .object({
    role: instanceRoleSchema,
    cohortId: optionalCohortIdSchema,
    expiresInDays: wholeNumber(1, INSTANCE_INVITE_EXPIRY_DAYS_MAX, "the days until the link expires"),
    maxUses: wholeNumber(1, INVITE_USES_MAX, "how many people may use the link"),
  })
  .strict()
  .refine((value) => canInviteAs(value.role, value.cohortId), ADMIN_NAMES_NO_COHORT);

/** 32 random bytes in base64url: 43 characters. Anything else cannot be a token Cairn issued. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, INVITE_INVALID_MESSAGE);

export const acceptInviteSchema = z.object({ ...newAccountSchema.shape, token: inviteTokenSchema }).strict();
export const joinInviteSchema = z.object({ token: inviteTokenSchema }).strict();

/**
 * "Invite by e-mail": addresses separated by commas, semicolons, spaces or new lines, each checked on its own, each
 * at most once, at most EMAIL_INVITES_MAX.
 */
const inviteEmailsSchema = z
  .string("Enter at least one e-mail address.")
  .max(20_000, "That is more text than fits 50 addresses.")
  .transform((text, context) => {
    const parts = [...new Set(text.split(/[\s,;]+/).filter(Boolean).map((part) => part.toLowerCase()))];
    const bad = parts.filter((part) => !emailSchema.safeParse(part).success);
    if (bad.length > 0) context.addIssue({ code: "custom", message: `Not an e-mail address: ${bad.slice(0, 3).join(", ")}${bad.length > 3 ? "…" : ""}` });
    if (parts.length === 0) context.addIssue({ code: "custom", message: "Enter at least one e-mail address." });
    if (parts.length > EMAIL_INVITES_MAX) context.addIssue({ code: "custom", message: `Invite at most ${EMAIL_INVITES_MAX} addresses at once.` });
    return parts;
  });

/** Cohort → Members → "Invite by e-mail": into this cohort, as a learner or a mentor. */
export const emailInvitesSchema = z.object({ cohortId: cohortIdSchema, role: memberRoleSchema, emails: inviteEmailsSchema }).strict();

/** Admin → Users → "Invite by e-mail": the roles and cohort rule of an instance link, the addresses of the cohort form. */
export const instanceEmailInvitesSchema = z
  .object({ role: instanceRoleSchema, cohortId: optionalCohortIdSchema, emails: inviteEmailsSchema })
  .strict()
  .refine((value) => canInviteAs(value.role, value.cohortId), ADMIN_NAMES_NO_COHORT);
