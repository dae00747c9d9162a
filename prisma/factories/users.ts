// Factories shared by the demo seed, integration tests and e2e fixtures.
import { newApiToken, type ApiScope } from "@/lib/auth/api-token";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

const hashes = new Map<string, Promise<string>>();

/** argon2id is deliberately slow; factories hash each distinct password once per process. */
function hashOnce(password: string) {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    hashes.set(password, hashed);
  }
  return hashed;
}

let sequence = 0;

export async function createUser({
  email,
  name,
  password = "correct horse battery staple",
  isAdmin = false,
  handle,
}: { email?: string; name?: string; password?: string; isAdmin?: boolean; handle?: string } = {}) {
  sequence += 1;
  const unique = `${Date.now().toString(36)}${sequence}`;
  return db.user.create({
    data: {
      email: (email ?? `user-${unique}@example.test`).toLowerCase(),
      name: name ?? `Test User ${sequence}`,
      handle,
      isAdmin,
      passwordHash: await hashOnce(password),
    },
  });
}

/** A personal API token of `userId`; the secret is returned once, as Settings shows it. */
export async function createApiToken(
  userId: string,
  { name = "CI", scopes = ["read"], expiresAt = null }: { name?: string; scopes?: ApiScope[]; expiresAt?: Date | null } = {},
) {
  const { token, prefix, tokenHash } = newApiToken();
  const row = await db.apiToken.create({ data: { userId, name, scopes, prefix, tokenHash, expiresAt } });
  return { token, row };
}
