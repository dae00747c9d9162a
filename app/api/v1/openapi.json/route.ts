// GET /api/v1/openapi.json — the OpenAPI 3.1 description of API v1; public, like any API's reference
import { openApiDocument } from "@/lib/features/api/utils";

const document = JSON.stringify(openApiDocument());

export function GET() {
  return new Response(document, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
}
