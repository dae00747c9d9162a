// A cohort of its own on the demo roadmap with one learner, holding a personal API token, and one mentor, for
// journeys that call the API as a pipeline would without touching the demo cohort's queue. Prints
// {"token","milestoneKey"} (a milestone that needs review) as JSON. Run with tsx and the react-server condition (it
// uses the app's database client):
//   node --import tsx --conditions=react-server e2e/support/ci-learner.ts <learner email> <mentor email>
import { db } from "@/lib/db";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { listMilestonesInOrder } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { DEMO_COHORT_NAME, DEMO_PASSWORD } from "@/prisma/seed/demo";

const [learnerEmail, mentorEmail] = process.argv.slice(2);
if (!learnerEmail || !mentorEmail) throw new Error("usage: ci-learner.ts <learner email> <mentor email>");
const { versionId } = await db.cohort.findFirstOrThrow({ where: { name: DEMO_COHORT_NAME }, select: { versionId: true } });
const cohort = await createCohort({ versionId, name: "Pipeline Cohort" });
const learner = await createUser({ email: learnerEmail, name: "Casey Pipeline", password: DEMO_PASSWORD });
const mentor = await createUser({ email: mentorEmail, name: "Morgan Review", password: DEMO_PASSWORD });
await addMember(cohort.id, learner.id, "learner");
await addMember(cohort.id, mentor.id, "mentor");
const { token } = await createApiToken(learner.id, { name: "GitHub Actions", scopes: ["submit"] });
const milestone = (await listMilestonesInOrder(versionId)).find((candidate) => candidate.reviewRequired)!;
process.stdout.write(JSON.stringify({ token, milestoneKey: milestone.key }));
await db.$disconnect();
