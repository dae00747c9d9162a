// GET /api/v1/me — the token's person and the cohorts they belong to, with their role in each (scope: read)
import { json, apiRoute } from "@/lib/http/api";
import { loadMe } from "@/lib/features/account/loaders";

export const GET = apiRoute("read", async ({ caller }) => json(await loadMe(caller.viewer)));
