// Produces the header lib/client-address.ts names: the address a request came from, decided by Cairn's HTTP server
// before Next sees the request, so that no header a client sends can choose it (docs/security.md #11).
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";

/**
 * `hops` is how many reverse proxies of ours stand in front of Cairn, each appending the address it received the
 * request from to X-Forwarded-For. The client is therefore the `hops`-th entry counted from the right; everything
 * to the left of it was written by the client or by proxies we do not control.
 */
export type ProxyTrust = { trustProxy: boolean; hops: number };

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d{1,5})?$/;
const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** One spelling per address, so a client counts once whether it arrived over IPv4 or as IPv4-mapped IPv6. */
export function normaliseAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  const unwrapped = BRACKETED_IPV6.exec(trimmed)?.[1] ?? IPV4_WITH_PORT.exec(trimmed)?.[1] ?? trimmed;
  const address = IPV4_MAPPED.exec(unwrapped)?.[1] ?? unwrapped;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return address.toLowerCase();
  return undefined;
}

/**
 * The socket's peer, unless TRUST_PROXY says our own proxy is that peer: then the entry that proxy appended to
 * X-Forwarded-For. A header too short for the configured hops, or an entry that is not an address, means the request
 * did not pass through every proxy of ours, so the socket's peer stands.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  { trustProxy, hops }: ProxyTrust,
): string | undefined {
  const peer = normaliseAddress(socketAddress);
  if (!trustProxy || forwardedFor === undefined) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  const entry = entries.length >= hops ? entries[entries.length - hops] : undefined;
  return normaliseAddress(entry) ?? peer;
}

/** Replaces whatever the client sent under the header's name, in every form Next may read headers from. */
export function setClientAddressHeader(request: IncomingMessage, trust: ProxyTrust): string | undefined {
  const address = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trust);
  const raw: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index] ?? "";
    if (name.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(name, request.rawHeaders[index + 1] ?? "");
  }
  if (address) {
    raw.push(CLIENT_ADDRESS_HEADER, address);
    request.headers[CLIENT_ADDRESS_HEADER] = address;
  } else {
    delete request.headers[CLIENT_ADDRESS_HEADER];
  }
  request.rawHeaders = raw;
  return address;
}
