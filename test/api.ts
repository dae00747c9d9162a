// Calls an API v1 route handler as an HTTP client would: a Request with the token as a bearer header, the route's
// params, and the answer read back as status, headers and parsed body.
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type ApiAnswer = { status: number; headers: Headers; body: unknown; text: string };

export async function callApi<P>(
  handler: Handler<P>,
  {
    method = "GET",
    path = "/api/v1/test",
    token,
    body,
    headers = {},
    params,
  }: { method?: string; path?: string; token?: string; body?: unknown; headers?: Record<string, string>; params?: P } = {},
): Promise<ApiAnswer> {
  const sent = new Headers(headers);
  if (token !== undefined) sent.set("authorization", `Bearer ${token}`);
  if (body !== undefined && !sent.has("content-type")) sent.set("content-type", "application/json");
  const request = new Request(`http://cairn.test${path}`, {
    method,
    headers: sent,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params ?? ({} as P)) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, headers: response.headers, text, body: /json/.test(type) && text ? JSON.parse(text) : text };
}
