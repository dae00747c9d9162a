// Seeds the demo data into DATABASE_URL once (used by the e2e run; `npm start` seeds by itself).
import { db } from "@/lib/db";
import { seedDemoOnce } from "@/prisma/seed/demo";

const seeded = await seedDemoOnce();
console.log(seeded ? "Demo data seeded." : "Demo data was already there.");
await db.$disconnect();
