/**
 * The address of the client that sent a request, as Cairn's own HTTP server saw it (docs/security.md #11).
 *
 * Cairn's server sets this header on every request and replaces whatever a client sent under the same name: with
 * the socket's remote address, or — only when TRUST_PROXY says a reverse proxy of ours sits in front — with the
 * address that proxy reports in X-Forwarded-For. A client therefore cannot choose the address its requests are
 * counted under. Undefined when the request did not come through Cairn's server (tests, scripts).
 */
export const CLIENT_ADDRESS_HEADER = "x-cairn-client-address";

/** The longest textual IPv6 address with a zone is well under this; anything longer is not an address. */
const MAX_ADDRESS_LENGTH = 100;

type HeaderSource = Headers | Record<string, unknown>;

export function clientAddress(headers: HeaderSource | null | undefined): string | undefined {
  if (!headers) return undefined;
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && value !== "" && value.length <= MAX_ADDRESS_LENGTH ? value : undefined;
}
