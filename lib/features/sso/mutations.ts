import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { LOGIN_DEACTIVATED, type SsoErrorCode } from "@/lib/auth/constants";
import { hashPassword } from "@/lib/auth/password";
import type { SsoIdentity } from "@/lib/auth/sso-providers";
import { readSignInSettings, SIGN_IN_SETTINGS_KEY, type SignInSettings } from "@/lib/auth/sso-settings";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { NAME_MAX } from "@/lib/features/account/constants";
import { writeAudit } from "@/lib/features/audit/mutations";
import { acceptInviteAsUser, acceptInviteWithSsoAccount } from "@/lib/features/invites/mutations";
import type { SsoSignedIn } from "@/lib/features/sso/types";
import { isSelfSignUpAllowed } from "@/lib/features/sso/utils";

export type SsoOutcome = { ok: true; user: SsoSignedIn } | { ok: false; code: SsoErrorCode };

const userSelect = { id: true, email: true, name: true, sessionVersion: true, deactivatedAt: true } as const;

function refuse(code: SsoErrorCode): SsoOutcome {
  return { ok: false, code };
}

/** A name for a new account: the provider's, or the address's local part; within the profile's limit. */
function accountName(identity: SsoIdentity & { email: string }): string {
  const name = identity.name?.replace(/\s+/g, " ").trim() || identity.email.slice(0, identity.email.indexOf("@"));
  return name.slice(0, NAME_MAX);
}

async function linkIdentity(tx: Tx, identity: SsoIdentity & { email: string }, userId: string, action: "user.sso_link" | "user.sso_sign_up") {
  await tx.ssoIdentity.create({ data: { provider: identity.provider, subject: identity.subject, email: identity.email, userId } });
  await writeAudit(tx, {
    actor: { id: userId, requestId: null },
    action,
    targetType: "user",
    targetId: userId,
    after: { provider: identity.provider, email: identity.email },
  });
}

/**
 * Who a single sign-on lets in (docs/security.md #45, #46). Only a verified email counts. The provider's subject is
 * remembered per person and wins over the email on later sign-ins, and a subject and an email that point at two
 * different Cairn accounts are refused rather than guessed between. An unknown email gets an account only through a
 * valid invite (`inviteToken`) or an allowed self-sign-up domain.
 */
export async function signInWithSso(identity: SsoIdentity, inviteToken: string | null, now = new Date()): Promise<SsoOutcome> {
  if (!identity.email || !identity.emailVerified || !identity.subject) return refuse("SSO_UNVERIFIED");
  const verified = { ...identity, email: identity.email.toLowerCase() };
  const [linked, byEmail] = await Promise.all([
    db.ssoIdentity.findUnique({
      where: { provider_subject: { provider: verified.provider, subject: verified.subject } },
      select: { user: { select: userSelect } },
    }),
    db.user.findUnique({
      where: { email: verified.email },
      select: { ...userSelect, ssoIdentities: { where: { provider: verified.provider }, select: { subject: true } } },
    }),
  ]);

  let user: SsoSignedIn & { deactivatedAt: Date | null };
  if (linked) {
    // The provider's email changed to an address another Cairn account holds: neither account is taken over.
    if (byEmail && byEmail.id !== linked.user.id) return refuse("SSO_LINKED_ELSEWHERE");
    user = linked.user;
  } else if (byEmail) {
    // The account is already bound to another person at this provider.
    if (byEmail.ssoIdentities.length > 0) return refuse("SSO_LINKED_ELSEWHERE");
    if (byEmail.deactivatedAt) return refuse(LOGIN_DEACTIVATED);
    try {
      await db.$transaction((tx) => linkIdentity(tx, verified, byEmail.id, "user.sso_link"));
    } catch (error) {
      // The same account linked at the same moment by a parallel sign-in with another subject.
      if (isUniqueViolation(error)) return refuse("SSO_LINKED_ELSEWHERE");
      throw error;
    }
    user = byEmail;
  } else {
    return createAccount(verified, inviteToken, now);
  }
  if (user.deactivatedAt) return refuse(LOGIN_DEACTIVATED);
  if (inviteToken) await joinThroughInvite(user.id, inviteToken, now);
  await db.user.update({ where: { id: user.id }, data: { lastSeenAt: now } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** Someone with an account who came through an invite link joins its cohort, as "Join" on the invite page does. */
async function joinThroughInvite(userId: string, token: string, now: Date) {
  try {
    await acceptInviteAsUser(userId, token, now);
  } catch (error) {
    // A link that stopped working does not stop an existing person from signing in.
    if (!(error instanceof AppError)) throw error;
  }
}

async function createAccount(identity: SsoIdentity & { email: string }, inviteToken: string | null, now: Date): Promise<SsoOutcome> {
  const name = accountName(identity);
  try {
    if (inviteToken) {
      const joined = await acceptInviteWithSsoAccount(
        { token: inviteToken, name, email: identity.email },
        (tx, userId) => linkIdentity(tx, identity, userId, "user.sso_sign_up"),
        now,
      );
      return { ok: true, user: joined.user };
    }
    const { selfSignUpDomains } = await readSignInSettings();
    if (!isSelfSignUpAllowed(identity.email, selfSignUpDomains)) return refuse("SSO_UNKNOWN");
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: identity.email, name, passwordHash, lastSeenAt: now },
        select: { id: true, email: true, name: true, sessionVersion: true },
      });
      await linkIdentity(tx, identity, created.id, "user.sso_sign_up");
      return created;
    });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return refuse("SSO_INVITE_INVALID");
    // The same email or subject created by a parallel sign-in: the person signs in again and is matched.
    if (isUniqueViolation(error)) return refuse("SSO_LINKED_ELSEWHERE");
    throw error;
  }
}

/** Admin → Sign-in methods → Save. One row in instance_settings; the audit row keeps what it was before. */
export async function updateSignInSettings(actor: Actor, settings: SignInSettings): Promise<void> {
  await db.$transaction(async (tx) => {
    // Read under the row lock, so two admins saving at once each record what the other left.
    await tx.$queryRaw`SELECT key FROM instance_settings WHERE key = ${SIGN_IN_SETTINGS_KEY} FOR UPDATE`;
    const before = await readSignInSettings(tx);
    await tx.instanceSetting.upsert({
      where: { key: SIGN_IN_SETTINGS_KEY },
      create: { key: SIGN_IN_SETTINGS_KEY, value: settings },
      update: { value: settings },
    });
    const changed = (Object.keys(settings) as (keyof SignInSettings)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(settings[key]),
    );
    await writeAudit(tx, {
      actor,
      action: "instance.sign_in_methods",
      targetType: "instance_setting",
      targetId: SIGN_IN_SETTINGS_KEY,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, settings[key]])),
    });
  });
}
