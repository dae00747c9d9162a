import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { API_ENDPOINTS } from "@/lib/features/api/schema";
import type { ReferenceEndpoint, ReferenceField } from "@/lib/features/api/types";

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

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Media = { schema?: Schema; example?: unknown };
type Operation = {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { description?: string; content?: Record<string, Media> }>;
};
type ApiDocument = ReturnType<typeof openApiDocument>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function resolve(document: ApiDocument, schema: Schema | undefined): Schema {
  if (!schema?.$ref) return schema ?? {};
  const name = schema.$ref.replace("#/components/schemas/", "");
  return (document.components?.schemas?.[name] as Schema | undefined) ?? {};
}

/** A schema's type in a few words: `string (uuid)`, `"approve" | "request_changes"`, `array of object`, `integer, or null`. */
function typeOf(document: ApiDocument, given: Schema): string {
  const schema = resolve(document, given);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((variant) => typeOf(document, variant)).join(", or ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const described = types.map((type) => {
    if (type === "array") return `array of ${schema.items ? typeOf(document, schema.items) : "anything"}`;
    if (type === "object" && typeof schema.additionalProperties === "object" && !schema.properties) {
      return `object of ${typeOf(document, schema.additionalProperties)} by key`;
    }
    return schema.format ? `${type} (${schema.format})` : type;
  });
  return described.join(", or ") || "any";
}

/** A field's description with its default, when it has one worth saying; null when there is nothing to say. */
function withDefault(description: string, schema: Schema): string | null {
  const fallback = schema.default !== undefined && schema.default !== "" ? ` Default: ${JSON.stringify(schema.default)}.` : "";
  return `${description}${fallback}`.trim() || null;
}

/** Every field of an object schema, nested objects and arrays of objects flattened into dotted names. */
function fieldsOf(document: ApiDocument, given: Schema | undefined, prefix = ""): ReferenceField[] {
  const schema = resolve(document, given);
  const object = schema.type === "array" ? resolve(document, schema.items) : schema;
  const marker = schema.type === "array" ? "[]" : "";
  if (!object.properties) return [];
  return Object.entries(object.properties).flatMap(([key, property]) => {
    const name = `${prefix}${marker}${prefix || marker ? "." : ""}${key}`.replace(/^\./, "");
    const field = resolve(document, property);
    const own: ReferenceField = {
      name,
      type: typeOf(document, field),
      required: object.required?.includes(key) ?? false,
      description: withDefault(field.description ?? "", field),
    };
    const nested = field.type === "array" ? resolve(document, field.items) : field;
    return [own, ...(nested.properties ? fieldsOf(document, field, name) : [])];
  });
}

/** A value that fits `schema`, for a curl example: required fields only, the first of each choice. */
function exampleOf(document: ApiDocument, given: Schema | undefined): unknown {
  const schema = resolve(document, given);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "object") {
    const required = new Set(schema.required ?? []);
    return Object.fromEntries(
      Object.entries(schema.properties ?? {})
        .filter(([key]) => required.has(key))
        .map(([key, property]) => [key, exampleOf(document, property)]),
    );
  }
  if (type === "array") return [exampleOf(document, schema.items)];
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  return "…";
}

/** A curl command for the endpoint, reading the address and the token from the environment. */
function curlOf(method: string, path: string, body: Media | undefined, document: ApiDocument): string {
  const lines = [`curl -s${method === "get" ? "" : ` -X ${method.toUpperCase()}`} -H "Authorization: Bearer $CAIRN_TOKEN"`];
  if (body) {
    const example = body.example ?? exampleOf(document, body.schema);
    lines.push(`-H "Content-Type: application/json"`, `-d '${JSON.stringify(example).replaceAll("'", "'\\''")}'`);
  }
  lines.push(`"$CAIRN_URL${path.replace(/\{(\w+)\}/g, "<$1>")}"`);
  return lines.join(" \\\n  ");
}

/** Everything the reference page shows, in the order of API_ENDPOINTS, read back from the OpenAPI document. */
export function apiReference(document: ApiDocument = openApiDocument()): ReferenceEndpoint[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => method in (item as object)).map((method): ReferenceEndpoint => {
      const operation = (item as Record<string, Operation>)[method]!;
      const body = operation.requestBody?.content?.["application/json"];
      return {
        anchor: `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "").toLowerCase(),
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? "",
        description: (operation.description ?? "").replace(/\s*Scope: `\w+`\.$/, ""),
        scope: operation.security?.[0]?.bearerToken?.[0] ?? "",
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          type: typeOf(document, parameter.schema ?? {}),
          required: parameter.required ?? false,
          description: withDefault(parameter.description ?? resolve(document, parameter.schema).description ?? "", resolve(document, parameter.schema)),
        })),
        body: body ? fieldsOf(document, body.schema) : null,
        responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
          status,
          description: response.description ?? "",
          types: Object.keys(response.content ?? {}),
          fields: status.startsWith("2") ? fieldsOf(document, response.content?.["application/json"]?.schema) : [],
        })),
        curl: curlOf(method, path, body, document),
      };
    }),
  );
}
