/** One field of a request or response body, flattened: `submissions[].links[].url`. */
export type ReferenceField = { name: string; type: string; required: boolean; description: string | null };

/** One endpoint as the reference page shows it, read from the OpenAPI document. */
export type ReferenceEndpoint = {
  /** The HTML id of its section, e.g. `post-api-v1-submissions-id-review`. */
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  scope: string;
  parameters: (ReferenceField & { in: string })[];
  body: ReferenceField[] | null;
  responses: { status: string; description: string; types: string[]; fields: ReferenceField[] }[];
  curl: string;
};
