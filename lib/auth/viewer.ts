import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";

/** The signed-in person, as the database says now — never as the JWT remembers. */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
};

/**
 * Resolves the session against the database on every request: a deactivated user
 * or a JWT issued before the last sign-out / password change yields null.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || typeof session.sv !== "number") return null;
  return getActiveViewer(session.uid, session.sv);
});

export async function getActiveViewer(userId: string, sessionVersion: number): Promise<Viewer | null> {
  const user = await db.user.findFirst({
    where: { id: userId, sessionVersion, deactivatedAt: null },
    select: { id: true, email: true, name: true, isAdmin: true },
  });
  return user;
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** Admin-only pages: anyone else gets the same 404 as a missing page (SPEC §3). */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) notFound();
  return viewer;
}
