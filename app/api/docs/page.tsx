import type { Metadata } from "next";
import { ApiReference } from "@/lib/features/api/components/api-reference";
import { apiReference } from "@/lib/features/api/utils";

export const metadata: Metadata = { title: "API reference" };

// The description is fixed for a build, so it is turned into the reference once, not on every view.
const endpoints = apiReference();

// Public, like /api/v1/openapi.json, which it is rendered from: a reference for people, served by Cairn itself
// with no script of its own and nothing from another site (docs/api.md).
export default function ApiReferencePage() {
  return (
    <main id="main" className="mx-auto grid w-full max-w-3xl gap-8 px-4 py-10">
      <header className="grid gap-3">
        <p className="text-sm text-muted-foreground">Cairn</p>
        <h1 className="text-2xl font-semibold tracking-tight">API reference (v1)</h1>
        <p>
          Every endpoint takes a personal API token as <code className="font-mono">Authorization: Bearer cairn_pat_…</code>; create one
          under Settings → API tokens. A token acts as its person and never more: its scopes only narrow what they may do.
        </p>
        <p>
          Errors are <code className="font-mono">application/problem+json</code>: 401 without a valid token, 403 when the token lacks
          the endpoint&apos;s scope, 404 for anything out of the person&apos;s reach (it looks exactly like something that does not
          exist), 422 with messages per field, 429 with <code className="font-mono">Retry-After</code>.
        </p>
        <p>The examples read the server&apos;s address and the token from the environment:</p>
        <pre tabIndex={0} className="overflow-x-auto rounded-lg bg-surface-muted p-3 font-mono text-xs leading-5">
          <code>{"export CAIRN_URL=https://cairn.example.org\nexport CAIRN_TOKEN=cairn_pat_…"}</code>
        </pre>
        <p>
          The machine-readable description is{" "}
          <a href="/api/v1/openapi.json" className="text-accent underline underline-offset-4">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>
      <ApiReference endpoints={endpoints} />
    </main>
  );
}
