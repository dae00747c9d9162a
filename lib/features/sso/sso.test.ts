// Single sign-on's matching rules (docs/security.md #45, #46): who a provider's identity lets in, and Admin →
// Sign-in methods. The identities here are what next-auth hands over after it has checked the provider's answer;
// e2e/sso.spec.ts signs in through a real OpenID Connect provider.
import { beforeAll, describe, expect, it } from "vitest";
import { githubIdentity, oidcIdentity, type SsoIdentity } from "@/lib/auth/sso-providers";
import { readSignInSettings, SIGN_IN_SETTINGS_KEY } from "@/lib/auth/sso-settings";
import { db } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import { startInviteSsoAction, updateSignInSettingsAction } from "@/lib/features/sso/actions";
import { SSO_ONLY_NEEDS_PROVIDER } from "@/lib/features/sso/constants";
import { signInWithSso } from "@/lib/features/sso/mutations";
import { signInSettingsSchema } from "@/lib/features/sso/schema";
import { isDomainName, isSelfSignUpAllowed } from "@/lib/features/sso/utils";
import { createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

let sequence = 0;

function identity(overrides: Partial<SsoIdentity> = {}): SsoIdentity {
  sequence += 1;
  return { provider: "oidc", subject: `subject-${sequence}`, email: `sso-${sequence}@example.test`, emailVerified: true, name: `SSO ${sequence}`, ...overrides };
}

async function setSettings(value: { ssoOnly: boolean; selfSignUpDomains: string[] }) {
  await db.instanceSetting.upsert({ where: { key: SIGN_IN_SETTINGS_KEY }, create: { key: SIGN_IN_SETTINGS_KEY, value }, update: { value } });
}

let versionId: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

describe("identities from the providers", () => {
  it("email_verified counts only as the boolean true", () => {
    expect(oidcIdentity({ sub: "a", email: "Ada@Example.org", email_verified: true })).toMatchObject({ email: "ada@example.org", emailVerified: true });
    expect(oidcIdentity({ sub: "a", email: "ada@example.org", email_verified: "true" }).emailVerified).toBe(false);
    expect(oidcIdentity({ sub: "a", email: "ada@example.org" }).emailVerified).toBe(false);
  });

  it("GitHub counts only a verified primary address", () => {
    const user = { id: 42, login: "ada", name: null };
    const emails = [
      { email: "other@example.org", primary: false, verified: true },
      { email: "Ada@Example.org", primary: true, verified: true },
    ];
    expect(githubIdentity(user, emails)).toEqual({ provider: "github", subject: "42", email: "ada@example.org", emailVerified: true, name: "ada" });
    const unverified = githubIdentity(user, [{ email: "ada@example.org", primary: true, verified: false }, { email: "b@example.org", primary: false, verified: true }]);
    expect(unverified).toMatchObject({ email: "ada@example.org", emailVerified: false });
    expect(githubIdentity(user, "not a list")).toMatchObject({ email: null, emailVerified: false });
  });

  it("a provider is configured fully or the environment is refused", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://sso.example.org/realms/cairn" })).toThrow(/OIDC_CLIENT_ID: is required when OIDC_ISSUER is set/);
    expect(() => parseEnv({ GITHUB_CLIENT_SECRET: "s" })).toThrow(/GITHUB_CLIENT_ID: is required/);
    expect(() => parseEnv({ OIDC_ISSUER: "ftp://sso.example.org", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" })).toThrow(/OIDC_ISSUER/);
    const parsed = parseEnv({ OIDC_ISSUER: "https://sso.example.org/realms/cairn/", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" });
    expect(parsed).toMatchObject({ OIDC_ISSUER: "https://sso.example.org/realms/cairn", OIDC_NAME: "single sign-on", GITHUB_URL: "https://github.com" });
  });
});

describe("who a single sign-on lets in", () => {
  it("refuses an email the provider has not verified, even one Cairn knows, and writes nothing", async () => {
    const person = await createUser();
    const outcome = await signInWithSso(identity({ email: person.email, emailVerified: false }), null);
    expect(outcome).toEqual({ ok: false, code: "SSO_UNVERIFIED" });
    expect(await db.ssoIdentity.count({ where: { userId: person.id } })).toBe(0);
  });

  it("signs in an existing, active person by verified email and binds the subject to them", async () => {
    const person = await createUser({ email: "Known.Person@Example.test" });
    const first = identity({ email: "KNOWN.PERSON@example.test" });
    const outcome = await signInWithSso(first, null);
    expect(outcome).toEqual({ ok: true, user: { id: person.id, email: person.email, name: person.name, sessionVersion: 0 } });
    expect(await db.ssoIdentity.findMany({ where: { userId: person.id }, select: { provider: true, subject: true } })).toEqual([
      { provider: "oidc", subject: first.subject },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.sso_link", targetId: person.id } });
    expect(audit).toMatchObject({ actorId: person.id, after: { provider: "oidc", email: "known.person@example.test" } });
  });

  it("keeps a subject on its account when the email at the provider changes", async () => {
    const person = await createUser();
    const first = identity({ email: person.email });
    await signInWithSso(first, null);
    const moved = await signInWithSso({ ...first, email: "renamed-at-provider@example.test" }, null);
    expect(moved).toMatchObject({ ok: true, user: { id: person.id } });
  });

  it("refuses a subject linked to someone else when its email now names another account", async () => {
    const [owner, other] = [await createUser(), await createUser()];
    const first = identity({ email: owner.email });
    await signInWithSso(first, null);
    expect(await signInWithSso({ ...first, email: other.email }, null)).toEqual({ ok: false, code: "SSO_LINKED_ELSEWHERE" });
    expect(await db.ssoIdentity.count({ where: { userId: other.id } })).toBe(0);
  });

  it("refuses a second subject for an account already bound at that provider", async () => {
    const person = await createUser();
    await signInWithSso(identity({ email: person.email }), null);
    expect(await signInWithSso(identity({ email: person.email }), null)).toEqual({ ok: false, code: "SSO_LINKED_ELSEWHERE" });
    // Another provider is another binding.
    expect(await signInWithSso(identity({ provider: "github", email: person.email }), null)).toMatchObject({ ok: true });
  });

  it("tells a deactivated person so, whether or not they were linked", async () => {
    const [linked, unlinked] = [await createUser(), await createUser()];
    const linkedIdentity = identity({ email: linked.email });
    await signInWithSso(linkedIdentity, null);
    await db.user.updateMany({ where: { id: { in: [linked.id, unlinked.id] } }, data: { deactivatedAt: new Date() } });
    expect(await signInWithSso(linkedIdentity, null)).toEqual({ ok: false, code: "DEACTIVATED" });
    expect(await signInWithSso(identity({ email: unlinked.email }), null)).toEqual({ ok: false, code: "DEACTIVATED" });
  });

  it("refuses an unknown email without an invite or an allowed domain, and creates nothing", async () => {
    await setSettings({ ssoOnly: false, selfSignUpDomains: ["allowed.example"] });
    const users = await db.user.count();
    expect(await signInWithSso(identity({ email: "someone@elsewhere.example" }), null)).toEqual({ ok: false, code: "SSO_UNKNOWN" });
    // A listed domain does not let its subdomains in.
    expect(await signInWithSso(identity({ email: "someone@mail.allowed.example" }), null)).toEqual({ ok: false, code: "SSO_UNKNOWN" });
    expect(await db.user.count()).toBe(users);
  });

  it("creates a plain account, without a cohort, for an allowed domain", async () => {
    await setSettings({ ssoOnly: false, selfSignUpDomains: ["allowed.example"] });
    const outcome = await signInWithSso(identity({ email: "Newcomer@Allowed.example", name: "  Noor   Haddad " }), null);
    if (!outcome.ok) throw new Error(outcome.code);
    const user = await db.user.findUniqueOrThrow({ where: { id: outcome.user.id }, include: { memberships: true, ssoIdentities: true } });
    expect(user).toMatchObject({ email: "newcomer@allowed.example", name: "Noor Haddad", isAdmin: false, memberships: [] });
    expect(user.ssoIdentities).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "user.sso_sign_up", targetId: user.id } })).toBe(1);
  });

  it("creates the account through a valid invite with its role and cohort, counting the use", async () => {
    const cohort = await createCohort({ versionId, name: "SSO cohort" });
    const { token, invite } = await createInvite({ cohortId: cohort.id, role: "learner", maxUses: 1 });
    const outcome = await signInWithSso(identity({ email: "invited@nowhere.example" }), token);
    if (!outcome.ok) throw new Error(outcome.code);
    const membership = await db.membership.findUniqueOrThrow({ where: { cohortId_userId: { cohortId: cohort.id, userId: outcome.user.id } } });
    expect(membership.role).toBe("learner");
    expect((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).useCount).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invite.redeem", targetId: invite.id } })).toBe(1);
    // The link is used up: the next stranger through it is refused and nothing is created.
    const users = await db.user.count();
    expect(await signInWithSso(identity({ email: "late@nowhere.example" }), token)).toEqual({ ok: false, code: "SSO_INVITE_INVALID" });
    expect(await db.user.count()).toBe(users);
  });

  it("lets an existing person who came through an invite join its cohort", async () => {
    const person = await createUser();
    const cohort = await createCohort({ versionId, name: "Joined by SSO" });
    const { token } = await createInvite({ cohortId: cohort.id, role: "learner" });
    expect(await signInWithSso(identity({ email: person.email }), token)).toMatchObject({ ok: true, user: { id: person.id } });
    expect(await db.membership.count({ where: { cohortId: cohort.id, userId: person.id, removedAt: null } })).toBe(1);
  });
});

describe("Admin → Sign-in methods", () => {
  it("validates and normalises the self-sign-up domains", () => {
    expect(signInSettingsSchema.parse({ ssoOnly: false, selfSignUpDomains: "@Example.ORG\nexample.org, b.example.\n\n" })).toEqual({
      ssoOnly: false,
      selfSignUpDomains: ["b.example", "example.org"],
    });
    for (const bad of ["localhost", "-bad.example", "bad-.example", "exa mple.org", "example.123", "a..example", "ex_ample.org", "ünï.example"]) {
      expect(isDomainName(bad.toLowerCase()), bad).toBe(false);
    }
    const refused = signInSettingsSchema.safeParse({ ssoOnly: false, selfSignUpDomains: "example.org\nnot a domain!" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^Not a domain name: not, a, domain!/);
    const tooMany = Array.from({ length: 51 }, (_, index) => `d${index}.example`).join("\n");
    expect(signInSettingsSchema.safeParse({ ssoOnly: false, selfSignUpDomains: tooMany }).error?.issues[0]?.message).toBe("List at most 50 domains.");
    expect(isSelfSignUpAllowed("a@Example.org", ["example.org"])).toBe(true);
  });

  it("saves the domains for admins only, with an audit row of what changed", async () => {
    await setSettings({ ssoOnly: false, selfSignUpDomains: [] });
    const [admin, learner] = [await createUser({ isAdmin: true }), await createUser()];
    expect(await asUser(learner, () => updateSignInSettingsAction({ ssoOnly: false, selfSignUpDomains: "example.org" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await asUser(admin, () => updateSignInSettingsAction({ ssoOnly: false, selfSignUpDomains: "Example.org" }))).toEqual({ ok: true, data: undefined });
    expect(await readSignInSettings()).toEqual({ ssoOnly: false, selfSignUpDomains: ["example.org"] });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "instance.sign_in_methods" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "instance_setting", before: { selfSignUpDomains: [] }, after: { selfSignUpDomains: ["example.org"] } });
  });

  it("refuses single sign-on only while no provider is configured, which would leave only admins able to sign in", async () => {
    const admin = await createUser({ isAdmin: true });
    const refused = await asUser(admin, () => updateSignInSettingsAction({ ssoOnly: true, selfSignUpDomains: "" }));
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { ssoOnly: [SSO_ONLY_NEEDS_PROVIDER] } });
    expect((await readSignInSettings()).ssoOnly).toBe(false);
  });

  it("starting a single sign-on from an invite page refuses a link that does not work", async () => {
    const cohort = await createCohort({ versionId, name: "Revoked link" });
    const { token } = await createInvite({ cohortId: cohort.id, revokedAt: new Date() });
    expect(await startInviteSsoAction({ token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await startInviteSsoAction({ token: "short" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });
});
