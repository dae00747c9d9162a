import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { parseHttpUrl } from "@/lib/safe-url";

// Every request Cairn makes to an address someone typed (webhook deliveries, the evidence link check) goes through
// here (docs/security.md #49): private, loopback and link-local addresses are refused unless allowed, and the check
// runs on the address actually connected to, so a name that resolves differently the second time cannot slip past.

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["100::", 64], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** True for any address that is not a public unicast one, including IPv4 written as IPv6 (`::ffff:10.0.0.1`). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  return PRIVATE.check(address, "ipv6");
}

export type OutboundFailure =
  | "invalid_url"
  | "private_address"
  | "dns"
  | "timeout"
  | "tls"
  | "connection"
  | "too_many_redirects"
  | "too_large";

export class OutboundError extends Error {
  override name = "OutboundError";
  constructor(
    readonly failure: OutboundFailure,
    message: string,
  ) {
    super(message);
  }
}

export type OutboundOptions = {
  method?: "GET" | "HEAD" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Whole request, connection to last byte. */
  timeoutMs: number;
  /** 0: a redirect is returned as the answer. */
  maxRedirects?: number;
  allowPrivate?: boolean;
  /** Private addresses let through even without `allowPrivate`: one intranet host, or a test's own server. */
  allowedAddresses?: readonly string[];
  /** The answer's body is read up to this many bytes and the rest dropped (default 4 KiB). */
  maxBodyBytes?: number;
};

export type OutboundResponse = {
  status: number;
  statusText: string;
  /** Where the answer came from after redirects. */
  url: string;
  body: string;
  durationMs: number;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_BODY_BYTES = 4096;
export const OUTBOUND_USER_AGENT = "Cairn (+https://github.com/cairn-learning/cairn)";

function refuses(options: OutboundOptions, address: string): boolean {
  if (options.allowPrivate || options.allowedAddresses?.includes(address)) return false;
  return isPrivateAddress(address);
}

function guardedLookup(options: OutboundOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.some((entry) => refuses(options, entry.address));
      if (refused) {
        return callback(new OutboundError("private_address", `${hostname} resolves to a private address`), "", 0);
      }
      if (lookupOptions.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new OutboundError("dns", `${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function describe(error: unknown): OutboundError {
  if (error instanceof OutboundError) return error;
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new OutboundError("dns", "the address does not resolve");
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code) || /certificate|ssl|tls/i.test(message)) {
    return new OutboundError("tls", `TLS error: ${code || message}`);
  }
  return new OutboundError("connection", code ? `connection failed (${code})` : message);
}

function once(url: URL, options: OutboundOptions, deadline: number): Promise<OutboundResponse & { location?: string }> {
  const started = performance.now();
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && refuses(options, host)) {
    return Promise.reject(new OutboundError("private_address", `${host} is a private address`));
  }
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new OutboundError("timeout", "timed out"));
  const client = url.protocol === "https:" ? https : http;
  const maxBody = options.maxBodyBytes ?? DEFAULT_BODY_BYTES;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method ?? "GET",
        headers: { "user-agent": OUTBOUND_USER_AGENT, ...options.headers },
        lookup: guardedLookup(options),
        // No connection reuse: every request resolves and checks its address afresh.
        agent: false,
        signal: AbortSignal.timeout(remaining),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size >= maxBody) return;
          chunks.push(chunk.subarray(0, maxBody - size));
          size += chunk.length;
          if (size >= maxBody) response.destroy();
        });
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? "",
            url: url.toString(),
            body: Buffer.concat(chunks).toString("utf8"),
            durationMs: Math.round(performance.now() - started),
            ...(typeof response.headers.location === "string" ? { location: response.headers.location } : {}),
          });
        response.on("end", finish);
        response.on("close", finish);
        response.on("error", (error) => reject(describe(error)));
      },
    );
    request.on("error", (error) => {
      if ((error as { name?: string }).name === "AbortError" || (error as { code?: string }).code === "ABORT_ERR") {
        reject(new OutboundError("timeout", "timed out"));
      } else {
        reject(describe(error));
      }
    });
    request.end(options.body);
  });
}

/**
 * One HTTP request to an address from outside Cairn: http(s) only, no credentials in the URL, private addresses
 * refused unless `allowPrivate`, at most `maxRedirects` redirects (each checked the same way), one deadline for the
 * whole exchange. Any answer, 500 included, resolves; only a failure to get one rejects, with an OutboundError.
 */
export async function outboundRequest(rawUrl: string, options: OutboundOptions): Promise<OutboundResponse> {
  const deadline = Date.now() + options.timeoutMs;
  const maxRedirects = options.maxRedirects ?? 0;
  let url = parseHttpUrl(rawUrl);
  if (!url) throw new OutboundError("invalid_url", "not an http(s) address");
  let hop = options;
  for (let redirects = 0; ; redirects += 1) {
    const response = await once(url, hop, deadline);
    if (!REDIRECTS.has(response.status) || !response.location || maxRedirects === 0) return response;
    if (redirects >= maxRedirects) throw new OutboundError("too_many_redirects", `more than ${maxRedirects} redirects`);
    const next = parseHttpUrl(new URL(response.location, url).toString());
    if (!next) throw new OutboundError("invalid_url", "redirected to an address that is not http(s)");
    // As browsers do: a POST answered with 301, 302 or 303 is followed with a GET, and its body goes nowhere else.
    if (hop.method === "POST" && response.status !== 307 && response.status !== 308) {
      hop = { ...hop, method: "GET", body: undefined };
    }
    url = next;
  }
}
