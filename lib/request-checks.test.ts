import { describe, expect, it } from "vitest";
import {
  BAD_REQUEST_MESSAGE,
  CROSS_ORIGIN_MESSAGE,
  isCrossOriginWrite,
  isMalformedPath,
  refuseLongStream,
  refuseRequest,
  REQUEST_BODY_LIMIT_BYTES,
  TOO_LARGE_MESSAGE,
} from "@/lib/request-checks";

const HOST = "cairn.example.org";
const headers = (values: Record<string, string>) => new Headers({ host: HOST, ...values });

describe("paths that cannot be decoded (docs/security.md #39)", () => {
  it.each(["/invite/%E0%A4%A", "/p/%", "/reset-password/%zz", "/roadmap/%", "/cohorts/%C0%AF", "/p/%00", "/p/a%0Ab", "/p/%7F"])(
    "refuses %s",
    (path) => expect(isMalformedPath(path)).toBe(true),
  );

  it.each(["/", "/p/ada", "/roadmap/train-a-model", "/p/%C3%A9t%C3%A9", "/p/a%20b", "/p/100%25"])("lets %s through", (path) => {
    expect(isMalformedPath(path)).toBe(false);
  });

  it("answers a plain page that says what is wrong", () => {
    const refusal = refuseRequest("GET", "/p/%", headers({}));
    expect(refusal).toMatchObject({ status: 400, contentType: "text/html; charset=utf-8" });
    expect(refusal?.body).toContain(BAD_REQUEST_MESSAGE);
    expect(refusal?.body).not.toMatch(/stack|at \w+ \(/i);
  });
});

describe("writes from another site (docs/security.md #20, #39)", () => {
  it("lets same-origin posts and requests without an Origin through", () => {
    expect(isCrossOriginWrite("POST", headers({ origin: `https://${HOST}` }))).toBe(false);
    expect(isCrossOriginWrite("POST", headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(false);
    expect(isCrossOriginWrite("POST", headers({}))).toBe(false);
    expect(isCrossOriginWrite("POST", headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
  });

  it("compares with the forwarded host when a proxy names one, as Next does", () => {
    const behindProxy = { host: "app:3000", "x-forwarded-host": `${HOST}, internal` };
    expect(isCrossOriginWrite("POST", headers({ ...behindProxy, origin: `https://${HOST}` }))).toBe(false);
    expect(isCrossOriginWrite("POST", headers({ ...behindProxy, origin: "http://app:3000" }))).toBe(true);
  });

  it.each<Record<string, string>>([
    { origin: "https://evil.example" },
    { origin: `https://${HOST}.evil.example` },
    { origin: "null" },
    { origin: "not a url" },
    { "sec-fetch-site": "cross-site" },
  ])("refuses a post with %o", (values) => {
    expect(isCrossOriginWrite("POST", headers(values))).toBe(true);
    expect(refuseRequest("POST", "/roadmap", headers(values))).toEqual({ status: 403, body: CROSS_ORIGIN_MESSAGE, contentType: "text/plain" });
  });

  it("never refuses a read", () => {
    expect(refuseRequest("GET", "/roadmap", headers({ origin: "https://evil.example" }))).toBeNull();
  });
});

describe("request bodies over the limit (docs/security.md #21, #39)", () => {
  it("refuses a body longer than the limit with a message, in the shape Next's client shows", () => {
    const refusal = refuseRequest("POST", "/admin/roadmaps/import", headers({ "content-length": String(REQUEST_BODY_LIMIT_BYTES + 1) }));
    expect(refusal).toEqual({ status: 413, body: TOO_LARGE_MESSAGE, contentType: "text/plain" });
    expect(TOO_LARGE_MESSAGE).toContain("1.5 MB");
  });

  it("lets a body at the limit through, and refuses a length too long to be a number", () => {
    expect(refuseRequest("POST", "/roadmap", headers({ "content-length": String(REQUEST_BODY_LIMIT_BYTES) }))).toBeNull();
    expect(refuseRequest("POST", "/roadmap", headers({ "content-length": "99999999999999999999" }))?.status).toBe(413);
  });
});

describe("bodies sent without a length", () => {
  /** `stillSending`: the client has not finished, as when the proxy answers in the middle of an upload. */
  const chunked = (bytes: number, { stillSending = false } = {}) =>
    new Request("http://cairn.example.org/roadmap", {
      method: "POST",
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let sent = 0; sent < bytes; sent += 64 * 1024) controller.enqueue(new Uint8Array(Math.min(64 * 1024, bytes - sent)));
          if (!stillSending) controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);

  it("are counted as they arrive and refused past the limit, leaving the original readable", async () => {
    expect(await refuseLongStream(chunked(REQUEST_BODY_LIMIT_BYTES + 1))).toEqual({ status: 413, body: TOO_LARGE_MESSAGE, contentType: "text/plain" });
    expect(await refuseLongStream(chunked(REQUEST_BODY_LIMIT_BYTES + 1, { stillSending: true }))).toMatchObject({ status: 413 });
    const small = chunked(1000);
    expect(await refuseLongStream(small)).toBeNull();
    expect((await small.arrayBuffer()).byteLength).toBe(1000);
  });
});
