import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvError, envSchema, parseEnv, parseServerEnv } from "@/lib/env";

describe("environment", () => {
  it("starts with nothing set (demo mode) and applies the defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CAIRN_DATA_DIR).toBe(".data");
  });

  it("names every bad variable with its own message", () => {
    const bad = { PORT: "eighty", DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short", LOG_LEVEL: "loud" };
    expect(() => parseEnv(bad)).toThrowError(EnvError);
    const message = (() => {
      try {
        parseEnv(bad);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("- PORT: must be a port number from 1 to 65535");
    expect(message).toContain("- DATABASE_URL: must be a PostgreSQL URL");
    expect(message).toContain("- NEXTAUTH_SECRET: must be at least 32 characters");
    expect(message).toContain("- LOG_LEVEL: ");
  });

  it("trusts one proxy hop by default and refuses a hop count that is not one to ten", () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "true", TRUST_PROXY_HOPS: "2" })).toMatchObject({ TRUST_PROXY: true, TRUST_PROXY_HOPS: 2 });
    for (const hops of ["0", "11", "two"]) {
      expect(() => parseEnv({ TRUST_PROXY_HOPS: hops })).toThrowError(
        "TRUST_PROXY_HOPS: must be the number of reverse proxies in front of Cairn, from 1 to 10",
      );
    }
  });

  it("listens on every interface unless HOST names an address", () => {
    expect(parseEnv({}).HOST).toBeUndefined();
    expect(parseEnv({ HOST: "127.0.0.1" }).HOST).toBe("127.0.0.1");
    expect(() => parseEnv({ HOST: "cairn.example.org" })).toThrowError("HOST: must be an IP address");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("documents every variable in .env.example", () => {
    const example = readFileSync(".env.example", "utf8");
    const documented = Object.keys(envSchema.shape).filter((name) => name !== "NODE_ENV");
    for (const name of documented) expect(example, name).toContain(`${name}=`);
  });

  it("passes only known variables from docker-compose.yml to the app", () => {
    const compose = readFileSync("docker-compose.yml", "utf8");
    const appBlock = compose.slice(compose.indexOf("\n  app:"));
    const environment = appBlock.slice(appBlock.indexOf("environment:"), appBlock.indexOf("stop_grace_period"));
    const names = [...environment.matchAll(/^ {6}([A-Z_]+):/gm)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(2);
    for (const name of names) expect(Object.keys(envSchema.shape), name).toContain(name);
  });
});

describe("web server environment", () => {
  it("requires a session secret and says how to make one", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "postgresql://cairn@db/cairn" })).toThrowError(
      /NEXTAUTH_SECRET: is required to sign sessions \(generate one with: openssl rand -base64 32\)/,
    );
    expect(parseServerEnv({ NEXTAUTH_SECRET: "x".repeat(32) }).NEXTAUTH_SECRET).toHaveLength(32);
  });
});
