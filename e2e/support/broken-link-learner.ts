// A cohort of its own on the demo roadmap with one learner whose approved attempt has a link the nightly check found
// broken (the `breakLink` factory), and one mentor, for the evidence link health journey without touching the demo
// cohort. Prints {"milestoneKey","title","brokenUrl"} as JSON. Run with tsx and the react-server condition (it uses
// the app's database client):
//   node --import tsx --conditions=react-server e2e/support/broken-link-learner.ts <learner email> <mentor email>
import { db } from "@/lib/db";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { breakLink, createSubmission, decideSubmission } from "@/prisma/factories/progress";
import { listMilestonesInOrder } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { DEMO_COHORT_NAME, DEMO_PASSWORD } from "@/prisma/seed/demo";

const BROKEN_URL = "https://github.com/riley-relink/churn-model";

const [learnerEmail, mentorEmail] = process.argv.slice(2);
if (!learnerEmail || !mentorEmail) throw new Error("usage: broken-link-learner.ts <learner email> <mentor email>");
const { versionId } = await db.cohort.findFirstOrThrow({ where: { name: DEMO_COHORT_NAME }, select: { versionId: true } });
const cohort = await createCohort({ versionId, name: "Link Health Cohort" });
const learner = await createUser({ email: learnerEmail, name: "Riley Relink", password: DEMO_PASSWORD });
const mentor = await createUser({ email: mentorEmail, name: "Sam Steward", password: DEMO_PASSWORD });
const membership = await addMember(cohort.id, learner.id, "learner");
await addMember(cohort.id, mentor.id, "mentor");
const milestone = (await listMilestonesInOrder(versionId)).find((candidate) => candidate.reviewRequired)!;
const submission = await createSubmission({ membershipId: membership.id, itemKey: milestone.key, links: [{ url: BROKEN_URL }] });
await decideSubmission({ submissionId: submission.id, reviewerId: mentor.id, decision: "approve" });
await breakLink({ submissionId: submission.id });
process.stdout.write(JSON.stringify({ milestoneKey: milestone.key, title: milestone.title, brokenUrl: BROKEN_URL }));
await db.$disconnect();
