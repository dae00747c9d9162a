import { describe, expect, it } from "vitest";
import { canReadAuditLog } from "@/lib/features/audit/policy";

describe("audit policy", () => {
  it("shows the audit log to admins only", () => {
    expect(canReadAuditLog({ isAdmin: true })).toBe(true);
    expect(canReadAuditLog({ isAdmin: false })).toBe(false);
  });
});
