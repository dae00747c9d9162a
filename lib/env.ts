// Environment, validated once at boot with one clear message per bad variable.
// Every variable is documented in .env.example.
import { isIP } from "node:net";
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
    message: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/cairn",
  });

function httpUrl(message: string) {
  return z.url({ protocol: /^https?$/, message }).transform((value) => value.replace(/\/+$/, ""));
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number({ message: "must be a port number from 1 to 65535" }).int().min(1).max(65535).default(3000),
  HOST: z
    .string()
    .refine((value) => isIP(value) !== 0 || value === "localhost", { message: "must be an IP address such as 127.0.0.1 or 0.0.0.0" })
    .optional(),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, message: "must be the public http(s) URL of Cairn" }).optional(),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  WEB_CONCURRENCY: z.coerce
    .number({ message: "must be the number of web server processes, from 1 to 16" })
    .int()
    .min(1, "must be the number of web server processes, from 1 to 16")
    .max(16, "must be the number of web server processes, from 1 to 16")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: booleanString,
  TRUST_PROXY_HOPS: z.coerce
    .number({ message: "must be the number of reverse proxies in front of Cairn, from 1 to 10" })
    .int()
    .min(1, "must be the number of reverse proxies in front of Cairn, from 1 to 10")
    .max(10, "must be the number of reverse proxies in front of Cairn, from 1 to 10")
    .default(1),
  CAIRN_DATA_DIR: z.string().min(1).default(".data"),
  CAIRN_DEMO: booleanString,
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/.+/.test(value), { message: "must look like smtp://user:pass@host:587" })
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /** A mentor gets at most one "new attempts" mail per this many minutes; the attempts in between share it. */
  MAIL_BATCH_MINUTES: z.coerce
    .number({ message: "must be a number of minutes from 1 to 1440" })
    .int()
    .min(1, "must be a number of minutes from 1 to 1440")
    .max(1440, "must be a number of minutes from 1 to 1440")
    .default(15),
  /** off: this instance serves pages and API only, and leaves background jobs to the other instances. */
  CAIRN_JOBS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  /** Lets the evidence link check reach private and loopback addresses (a test or an intranet-only instance). */
  LINK_CHECK_ALLOW_PRIVATE: booleanString,
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  OIDC_ISSUER: httpUrl("must be the issuer URL of the OpenID Connect provider, e.g. https://sso.example.org/realms/cairn").optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_NAME: z.string().trim().min(1).max(60, "must be at most 60 characters").default("single sign-on"),
  GITHUB_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  GITHUB_URL: httpUrl("must be the http(s) URL of GitHub or GitHub Enterprise, e.g. https://github.example.org").default("https://github.com"),
  GITHUB_API_URL: httpUrl("must be the http(s) URL of the GitHub API, e.g. https://github.example.org/api/v3")
    .optional(),
})
  // A provider is either fully configured or not at all: half a configuration would show a button that cannot work.
  .superRefine((value, context) => {
    const groups = [
      ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
      ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"],
    ] as const;
    for (const group of groups) {
      const set = group.filter((key) => value[key] !== undefined);
      if (set.length === 0 || set.length === group.length) continue;
      for (const key of group.filter((name) => value[name] === undefined)) {
        context.addIssue({ code: "custom", path: [key], message: `is required when ${set.join(" and ")} ${set.length === 1 ? "is" : "are"} set` });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Empty strings count as unset, as in most .env tooling. */
function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Cairn cannot start: invalid environment.\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

/**
 * The web server also needs a session secret. `npm start` generates one in demo mode;
 * with DATABASE_URL (production) the operator must set it.
 */
export function parseServerEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = parseEnv(source);
  if (!parsed.NEXTAUTH_SECRET) {
    throw new EnvError(
      "Cairn cannot start: invalid environment.\n  - NEXTAUTH_SECRET: is required to sign sessions " +
        "(generate one with: openssl rand -base64 32)\nSee .env.example.",
    );
  }
  return parsed;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
