// Adds a second mentor to the demo cohort through the shared factories, for journeys that need two mentors.
// Run with tsx and the react-server condition (it uses the app's database client):
//   node --import tsx --conditions=react-server e2e/support/add-mentor.ts <email> <name>
import { db } from "@/lib/db";
import { addMember } from "@/prisma/factories/cohorts";
import { createUser } from "@/prisma/factories/users";
import { DEMO_COHORT_NAME, DEMO_PASSWORD } from "@/prisma/seed/demo";

const [email, name] = process.argv.slice(2);
if (!email || !name) throw new Error("usage: add-mentor.ts <email> <name>");
const cohort = await db.cohort.findFirstOrThrow({ where: { name: DEMO_COHORT_NAME }, select: { id: true } });
const user = (await db.user.findUnique({ where: { email } })) ?? (await createUser({ email, name, password: DEMO_PASSWORD }));
const membership = await db.membership.findUnique({ where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } } });
if (!membership) await addMember(cohort.id, user.id, "mentor");
await db.$disconnect();
