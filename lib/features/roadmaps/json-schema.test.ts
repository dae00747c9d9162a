// docs/roadmap.schema.json is what people outside Cairn read to write or check roadmap JSON. It is generated from
// the zod schema; this test fails when the two drift apart (regenerate with `npx tsx scripts/roadmap-schema.ts`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatRoadmapJsonSchema, ROADMAP_JSON_FORMAT, serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { readDefaultRoadmap } from "@/prisma/factories/roadmaps";

type Schema = {
  type?: string;
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  anyOf?: Schema[];
  maxLength?: number;
  pattern?: string;
};

const committed = readFileSync(new URL("../../../docs/roadmap.schema.json", import.meta.url), "utf8");

/** A small structural check (types, required and unknown fields, lengths, patterns, const): enough to prove the shape. */
function problems(schema: Schema, value: unknown, path = "$"): string[] {
  if (schema.anyOf) {
    return schema.anyOf.some((option) => problems(option, value, path).length === 0) ? [] : [`${path}: matches no option`];
  }
  if (schema.const !== undefined && value !== schema.const) return [`${path}: not ${JSON.stringify(schema.const)}`];
  switch (schema.type) {
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${path}: not an object`];
      const record = value as Record<string, unknown>;
      const found = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`);
      for (const [key, inner] of Object.entries(record)) {
        const property = schema.properties?.[key];
        if (!property) found.push(`${path}.${key}: unknown field`);
        else found.push(...problems(property, inner, `${path}.${key}`));
      }
      return found;
    }
    case "array":
      if (!Array.isArray(value)) return [`${path}: not an array`];
      return value.flatMap((item, index) => (schema.items ? problems(schema.items, item, `${path}[${index}]`) : []));
    case "string":
      if (typeof value !== "string") return [`${path}: not a string`];
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return [`${path}: too long`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return [`${path}: does not match ${schema.pattern}`];
      return [];
    case "integer":
      return Number.isInteger(value) ? [] : [`${path}: not an integer`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${path}: not a boolean`];
    case "null":
      return value === null ? [] : [`${path}: not null`];
    default:
      return [];
  }
}

describe("docs/roadmap.schema.json", () => {
  it("is exactly what the zod schema generates", () => {
    expect(committed, "docs/roadmap.schema.json is stale: run `npx tsx scripts/roadmap-schema.ts`").toBe(
      formatRoadmapJsonSchema(),
    );
  });

  it("names the current format version and forbids unknown fields", () => {
    const schema = JSON.parse(committed) as Schema;
    expect(schema.properties?.format?.const).toBe(ROADMAP_JSON_FORMAT);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.roadmap?.additionalProperties).toBe(false);
  });

  it("accepts the default roadmap's export and rejects a changed shape", async () => {
    const schema = JSON.parse(committed) as Schema;
    const exported = JSON.parse(serializeRoadmapJson(await readDefaultRoadmap())) as {
      format: string;
      roadmap: Record<string, unknown> & { phases: Record<string, unknown>[] };
    };
    expect(problems(schema, exported)).toEqual([]);
    exported.format = "cairn.roadmap/v2";
    exported.roadmap.status = "published";
    delete exported.roadmap.phases[0]!.key;
    expect(problems(schema, exported)).toEqual([
      '$.format: not "cairn.roadmap/v1"',
      "$.roadmap.phases[0].key: missing",
      "$.roadmap.status: unknown field",
    ]);
  });
});
