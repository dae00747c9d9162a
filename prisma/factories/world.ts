// The fixture world authorization tests share (docs/security.md, "How the cases are tested"): cohorts X and Y on
// one roadmap version; mentorX, learnerX1 and learnerX2 in X; mentorY and learnerY1 in Y; dual, who mentors X and
// learns in Y; and an admin who belongs to no cohort. A test adds the few people its cases need beside them.
import { db } from "@/lib/db";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createUser } from "@/prisma/factories/users";

type User = Awaited<ReturnType<typeof createUser>>;
type Cohort = Awaited<ReturnType<typeof createCohort>>;
type Membership = Awaited<ReturnType<typeof addMember>>;

const PEOPLE = ["admin", "mentorX", "mentorY", "learnerX1", "learnerX2", "learnerY1", "dual"] as const;
type Person = (typeof PEOPLE)[number];

const DEFAULT_NAMES: Record<Person, string> = {
  admin: "Ada Admin",
  mentorX: "Mentor X",
  mentorY: "Mentor Y",
  learnerX1: "Learner X1",
  learnerX2: "Learner X2",
  learnerY1: "Learner Y1",
  dual: "Dual",
};

/** Someone a test needs beside the world's seven: a member of X or Y in the given role. */
export type ExtraMember = {
  in: "x" | "y";
  as: MembershipRole;
  name?: string;
  isAdmin?: boolean;
  /** A membership that was removed at this moment (still in the database, no longer giving access). */
  removedAt?: Date;
};

export type World<Extra extends Record<string, ExtraMember> = Record<never, ExtraMember>> = {
  x: Cohort;
  y: Cohort;
  memberships: Record<"mentorX" | "mentorY" | "dualX" | "x1" | "x2" | "y1" | "dualY", Membership> &
    Record<keyof Extra, Membership>;
} & Record<Person, User> &
  Record<keyof Extra, User>;

/**
 * Builds the world in one call. `cohorts` applies to both cohorts, `names` renames any of the seven (tests that
 * assert on names pick their own), `extra` adds people by the key they are returned under.
 */
export async function createWorld<Extra extends Record<string, ExtraMember> = Record<never, ExtraMember>>({
  versionId,
  cohorts = {},
  names = {},
  extra,
}: {
  versionId: string;
  cohorts?: { startDate?: Date; timezone?: string; names?: { x?: string; y?: string } };
  names?: Partial<Record<Person, string>>;
  extra?: Extra;
}): Promise<World<Extra>> {
  const cohortOf = (name: string) => createCohort({ versionId, name, startDate: cohorts.startDate, timezone: cohorts.timezone });
  const x = await cohortOf(cohorts.names?.x ?? "Cohort X");
  const y = await cohortOf(cohorts.names?.y ?? "Cohort Y");
  const extras = Object.entries(extra ?? {});
  const [people, extraPeople] = await Promise.all([
    Promise.all(PEOPLE.map((person) => createUser({ name: names[person] ?? DEFAULT_NAMES[person], isAdmin: person === "admin" }))),
    Promise.all(extras.map(([key, member]) => createUser({ name: member.name ?? key, isAdmin: member.isAdmin ?? false }))),
  ]);
  const user = Object.fromEntries(PEOPLE.map((person, index) => [person, people[index]!])) as Record<Person, User>;

  // One at a time, in this order: pages that list members by when they joined then show a stable order.
  const memberships: Record<string, Membership> = {
    mentorX: await addMember(x.id, user.mentorX.id, "mentor"),
    mentorY: await addMember(y.id, user.mentorY.id, "mentor"),
    dualX: await addMember(x.id, user.dual.id, "mentor"),
    x1: await addMember(x.id, user.learnerX1.id, "learner"),
    x2: await addMember(x.id, user.learnerX2.id, "learner"),
    y1: await addMember(y.id, user.learnerY1.id, "learner"),
    dualY: await addMember(y.id, user.dual.id, "learner"),
  };
  for (const [index, [key, member]] of extras.entries()) {
    const membership = await addMember(member.in === "x" ? x.id : y.id, extraPeople[index]!.id, member.as);
    memberships[key] = member.removedAt
      ? await db.membership.update({ where: { id: membership.id }, data: { removedAt: member.removedAt } })
      : membership;
  }

  return {
    x,
    y,
    ...user,
    ...Object.fromEntries(extras.map(([key], index) => [key, extraPeople[index]!])),
    memberships,
  } as World<Extra>;
}
