// A load run counts a server action as failed exactly when a browser would see it fail on the server's side.
import { describe, expect, it } from "vitest";
import { isServerFailure, parseActionResponse } from "@/scripts/lib/load/action-response";

const HEAD = '0:{"a":"$@1","q":"","i":false,"b":"w1nI6DB_QVIgN0vHq2-Q0"}';

describe("parseActionResponse", () => {
  it("reads the action's result row", () => {
    expect(parseActionResponse(200, `${HEAD}\n1:{"ok":true,"data":{"status":"done"}}\n`)).toEqual({
      outcome: "ok",
      result: { ok: true, data: { status: "done" } },
    });
  });

  it("names an expected refusal by its code", () => {
    const body = `${HEAD}\n1:{"ok":false,"code":"CONFLICT","error":"Already decided by Ada at 10:02.","fieldErrors":"$undefined"}\n`;
    const parsed = parseActionResponse(200, body);
    expect(parsed.outcome).toBe("CONFLICT");
    expect(isServerFailure(parsed.outcome)).toBe(false);
  });

  it("counts the action's own INTERNAL answer as a server failure although HTTP said 200", () => {
    const body = `${HEAD}\n1:{"ok":false,"code":"INTERNAL","error":"Something went wrong on our side (reference 1a2b3c4d). Try again."}\n`;
    expect(isServerFailure(parseActionResponse(200, body).outcome)).toBe(true);
  });

  it("counts an error row, a 5xx and an unreadable body as server failures", () => {
    expect(parseActionResponse(500, `${HEAD}\n1:E{"digest":"3877544677"}\n`).outcome).toBe("server-error");
    expect(parseActionResponse(200, `${HEAD}\n1:E{"digest":"3877544677"}\n`).outcome).toBe("server-error");
    expect(parseActionResponse(200, "<!DOCTYPE html><html>…</html>").outcome).toBe("unreadable");
    for (const outcome of ["server-error", "unreadable"]) expect(isServerFailure(outcome)).toBe(true);
  });
});
