import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { API_ENDPOINTS } from "@/lib/features/api/schema";

/** The OpenAPI 3.1 document of API v1, generated from API_ENDPOINTS (served at `/api/v1/openapi.json`). */
export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description: "A personal API token (`cairn_pat_…`), created under Settings → API tokens.",
  });
  for (const route of API_ENDPOINTS) registry.registerPath(route);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Cairn API",
      version: "1",
      description: "Read your roadmap, submit evidence from CI, and work through reviews. See docs/api.md in Cairn's repository.",
    },
  });
}
