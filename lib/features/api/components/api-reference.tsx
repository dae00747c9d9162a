import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { ReferenceEndpoint, ReferenceField } from "@/lib/features/api/types";

// The API reference, rendered on the server from the OpenAPI document: plain HTML that reads without JavaScript,
// in the app's tokens (light and dark), and that wraps rather than scrolls sideways on a phone; code scrolls inside
// its own box.

/** `code` spans of a description: the OpenAPI text marks names with backticks. */
function Prose({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index} className="rounded bg-surface-muted px-1 font-mono text-[0.9em] wrap-anywhere">{part}</code> : part))}</>;
}

/** A path that may wrap after any slash on a phone, rather than mid-word. */
function PathText({ path }: { path: string }) {
  const parts = path.split("/");
  return (
    <code className="font-mono wrap-anywhere">
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? "/" : ""}
          {part}
          {index < parts.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </code>
  );
}

function Fields({ fields, label }: { fields: (ReferenceField & { in?: string })[]; label: string }) {
  return (
    <dl aria-label={label} className="grid gap-2">
      {fields.map((field) => (
        <div key={`${field.in ?? ""}${field.name}`} className="grid gap-0.5 border-l-2 border-border pl-3">
          <dt className="flex flex-wrap items-baseline gap-x-2">
            <code className="font-mono text-sm font-semibold wrap-anywhere">{field.name}</code>
            <span className="text-xs text-muted-foreground break-words">
              {field.in ? `${field.in}, ` : ""}
              {field.type}
              {field.required ? ", required" : ", optional"}
            </span>
          </dt>
          {field.description ? (
            <dd className="text-sm text-muted-foreground">
              <Prose text={field.description} />
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-2">
      <h4 className="text-sm font-semibold">{title}</h4>
      {children}
    </section>
  );
}

function Endpoint({ endpoint }: { endpoint: ReferenceEndpoint }) {
  return (
    <section id={endpoint.anchor} aria-labelledby={`${endpoint.anchor}-title`} className="grid gap-4 rounded-xl border border-border bg-surface p-4 sm:p-6">
      <header className="grid gap-2">
        <h3 id={`${endpoint.anchor}-title`} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-lg font-semibold">
          <span className="font-mono text-accent">{endpoint.method}</span>
          <PathText path={endpoint.path} />
        </h3>
        <p className="font-medium">{endpoint.summary}</p>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          Token scope <Badge variant="outline">{endpoint.scope}</Badge>
        </p>
        {endpoint.description ? (
          <p className="text-sm">
            <Prose text={endpoint.description} />
          </p>
        ) : null}
      </header>
      {endpoint.parameters.length > 0 ? (
        <Part title="Parameters">
          <Fields fields={endpoint.parameters} label={`Parameters of ${endpoint.method} ${endpoint.path}`} />
        </Part>
      ) : null}
      {endpoint.body ? (
        <Part title="Request body (JSON)">
          <Fields fields={endpoint.body} label={`Request body of ${endpoint.method} ${endpoint.path}`} />
        </Part>
      ) : null}
      <Part title="Responses">
        <ul className="grid gap-3">
          {endpoint.responses.map((response) => (
            <li key={response.status} className="grid gap-1">
              <p className="text-sm">
                <span className="font-mono font-semibold">{response.status}</span> <Prose text={response.description} />
                {response.types.length > 0 ? <span className="text-muted-foreground"> ({response.types.join(", ")})</span> : null}
              </p>
              {response.fields.length > 0 ? <Fields fields={response.fields} label={`Fields of the ${response.status} answer`} /> : null}
            </li>
          ))}
        </ul>
      </Part>
      <Part title="Example">
        <pre tabIndex={0} aria-label={`curl example for ${endpoint.method} ${endpoint.path}`} className="overflow-x-auto rounded-lg bg-surface-muted p-3 font-mono text-xs leading-5">
          <code>{endpoint.curl}</code>
        </pre>
      </Part>
    </section>
  );
}

export function ApiReference({ endpoints }: { endpoints: ReferenceEndpoint[] }) {
  return (
    <>
      <nav aria-label="Endpoints" className="grid gap-2">
        <h2 className="text-lg font-semibold">Endpoints</h2>
        <ul className="grid gap-1 text-sm">
          {endpoints.map((endpoint) => (
            <li key={endpoint.anchor}>
              <a href={`#${endpoint.anchor}`} className="inline-flex flex-wrap gap-x-2 text-accent underline-offset-4 hover:underline">
                <span className="font-mono">{endpoint.method}</span>
                <PathText path={endpoint.path} />
              </a>{" "}
              <span className="text-muted-foreground">— {endpoint.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="reference-endpoints" className="grid gap-6">
        <h2 id="reference-endpoints" className="sr-only">
          Every endpoint
        </h2>
        {endpoints.map((endpoint) => (
          <Endpoint key={endpoint.anchor} endpoint={endpoint} />
        ))}
      </section>
    </>
  );
}
