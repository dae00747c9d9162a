import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ROLE_MEMBERSHIPS, rolesOf, type Roles } from "@/lib/auth/access";
import { readSessionToken, reissuedSessionToken, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Tests call real server actions and loaders as someone: the session they would have read
 * from the cookie comes from here instead, and is still checked against the database.
 * Ignored unless NODE_ENV is "test".
 */
const testSessions = new AsyncLocalStorage<{ uid: string; sv: number }>();

export function runWithTestSession<T>(session: { uid: string; sv: number }, work: () => Promise<T>): Promise<T> {
  if (process.env.NODE_ENV !== "test") throw new Error("runWithTestSession is for tests only");
  return testSessions.run({ ...session }, work);
}

/** The signed-in person, as the database says now — never as the JWT remembers. */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** The IANA zone chosen in Settings; null: dates show in the cohort's zone. Read with the session check. */
  timeZone?: string | null;
  /** Read in the same statement as the session check, so a page's navigation costs no statement of its own. */
  roles?: Roles;
};

/**
 * Resolves the session against the database on every request: a deactivated user
 * or a JWT issued before the last sign-out / password change yields null.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const testSession = process.env.NODE_ENV === "test" ? testSessions.getStore() : undefined;
  if (testSession) return getActiveViewer(testSession.uid, testSession.sv);
  // The cookie is read directly rather than through next-auth's getServerSession, which would also re-encrypt the
  // token on every render only to find that a server component cannot set cookies (the proxy keeps it fresh).
  const session = await readSessionToken((await cookies()).get(sessionCookieName())?.value);
  if (!session) return null;
  return getActiveViewer(session.uid, session.sv);
});

export async function getActiveViewer(userId: string, sessionVersion: number): Promise<Viewer | null> {
  const user = await db.user.findFirst({
    where: { id: userId, sessionVersion, deactivatedAt: null },
    select: { id: true, email: true, name: true, isAdmin: true, timeZone: true, memberships: ROLE_MEMBERSHIPS },
  });
  if (!user) return null;
  const { memberships, ...viewer } = user;
  return { ...viewer, roles: rolesOf(memberships) };
}

/**
 * Keeps this session signed in after its person's session version was bumped (a password change signs out every
 * other session): the session cookie is re-issued carrying the new version (docs/decisions/042).
 */
export async function renewSession(sessionVersion: number): Promise<void> {
  const testSession = process.env.NODE_ENV === "test" ? testSessions.getStore() : undefined;
  if (testSession) {
    testSession.sv = sessionVersion;
    return;
  }
  const store = await cookies();
  const session = await readSessionToken(store.get(sessionCookieName())?.value);
  if (!session) return;
  store.set(sessionCookieName(), await reissuedSessionToken(session, sessionVersion), sessionCookieOptions());
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

// The admin gate, in the three shapes its callers need. Each reads the flag from the viewer as the database has it
// on this request, never from the JWT; anyone else gets the same 404 as a missing page (docs/product.md, "Roles and
// scope"), so a demoted admin replaying a captured request learns nothing.

/** Admin-only pages. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  adminOnly(viewer);
  return viewer;
}

/** Admin-only loaders, handed the viewer their page resolved. */
export function adminOnly(viewer: Viewer): void {
  if (!viewer.isAdmin) notFound();
}

/** Admin-only server actions: the refusal is an action result ("not found"), not Next's 404 page. */
export async function requireAdminForAction(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) throw new AppError("NOT_FOUND", "This page does not exist.");
  return viewer;
}
