// Runs server actions and loaders as a signed-in person (the session still goes through the database check).
import { runWithTestSession } from "@/lib/auth/viewer";

export function asUser<T>(user: { id: string; sessionVersion?: number }, work: () => Promise<T>): Promise<T> {
  return runWithTestSession({ uid: user.id, sv: user.sessionVersion ?? 0 }, work);
}
