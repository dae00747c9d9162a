import { describe, expect, it } from "vitest";
import { ACTION_LABELS } from "@/lib/features/audit/constants";
import { dayFrom } from "@/lib/calendar";
import { encodeCursor, parseCursor } from "@/lib/cursor";
import { actionLabel, auditHref, formatValue, groupActions, listChanges } from "@/lib/features/audit/utils";

// Codes the other admin screens write or will write (docs/audit-log.md); each needs its own words, not the fallback.
const DOCUMENTED = [
  "cohort.create",
  "cohort.update",
  "cohort.member_add",
  "cohort.member_remove",
  "cohort.member_schedule",
  "cohort.version_move",
  "invite.create",
  "invite.revoke",
  "invite.redeem",
  "review.approve",
  "review.request_changes",
  "criterion.sign_off",
  "roadmap.import",
  "roadmap.create",
  "roadmap.publish",
  "roadmap.draft_create",
  "roadmap.item_archive",
  "roadmap.item_restore",
  "user.create_admin",
  "user.sso_link",
  "user.sso_sign_up",
  "instance.sign_in_methods",
  "user.grant_admin",
  "user.revoke_admin",
  "user.deactivate",
  "user.reactivate",
  "user.reset_link_create",
  "user.password_reset",
  "roadmap.draft_discard",
  "roadmap.version_update",
  "roadmap.item_create",
  "roadmap.item_update",
  "roadmap.reorder",
  "roadmap.archive",
  "roadmap.restore",
  "api_token.create",
  "api_token.revoke",
  "webhook.create",
  "webhook.update",
  "webhook.pause",
  "webhook.resume",
  "webhook.secret_rotate",
  "webhook.delete",
];

describe("actionLabel", () => {
  it("gives every documented code its own plain-English label", () => {
    const labels = DOCUMENTED.map(actionLabel);
    for (const code of DOCUMENTED) expect(Object.hasOwn(ACTION_LABELS, code), code).toBe(true);
    expect(new Set(labels).size).toBe(DOCUMENTED.length);
    expect(actionLabel("roadmap.publish")).toBe("Published roadmap version");
    expect(actionLabel("user.deactivate")).toBe("Deactivated user");
    expect(actionLabel("review.approve")).toBe("Recorded review decision: approved");
  });

  it("reads an unknown code in words instead of failing", () => {
    expect(actionLabel("mail.bounce_clear")).toBe("Mail: bounce clear");
    expect(actionLabel("cleanup")).toBe("Cleanup");
  });
});

describe("listChanges", () => {
  it("lists changed fields before → after and leaves out unchanged ones", () => {
    expect(
      listChanges({ name: "Spring", weeksPerPhase: 2, endDate: null }, { name: "Summer", weeksPerPhase: 2, endDate: "2027-09-30", mentors: ["a@x.test", "b@x.test"] }),
    ).toEqual([
      { field: "name", before: "Spring", after: "Summer" },
      { field: "end date", before: "—", after: "2027-09-30" },
      { field: "mentors", before: "—", after: "a@x.test, b@x.test" },
    ]);
  });

  it("leaves out raw ids, which the actor and target columns already name", () => {
    const id = "0192f7a8-0000-7000-8000-000000000001";
    expect(listChanges({ versionId: id, number: 1 }, { versionId: id.replace("1", "2"), number: 2, userId: id, criterionKey: "ci" })).toEqual([
      { field: "number", before: "1", after: "2" },
      { field: "criterion key", before: "—", after: "ci" },
    ]);
  });

  it("copes with missing or non-object sides", () => {
    expect(listChanges(null, { reactivated: true })).toEqual([{ field: "reactivated", before: "—", after: "yes" }]);
    expect(listChanges("odd", [1, 2])).toEqual([]);
  });

  it("cuts very long values", () => {
    expect(formatValue("x".repeat(500))).toHaveLength(120);
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
});

describe("groupActions", () => {
  it("groups codes by prefix with a whole-group option", () => {
    expect(groupActions(["user.deactivate", "cohort.update", "user.grant_admin"]).map((group) => [group.value, group.actions.map((a) => a.value)])).toEqual([
      ["user.*", ["user.deactivate", "user.grant_admin"]],
      ["cohort.*", ["cohort.update"]],
    ]);
  });
});

describe("links and cursors", () => {
  it("keeps filters in page links and starts a fresh filter at the newest event", () => {
    expect(auditHref({ actor: "system", type: "user.*", from: dayFrom("2027-01-01") }, { before: "1.abc" })).toBe(
      "/admin/audit?actor=system&type=user.*&from=2027-01-01&before=1.abc",
    );
    expect(auditHref({})).toBe("/admin/audit");
  });

  it("round-trips a cursor and refuses a malformed one", () => {
    const cursor = { createdAt: new Date(Date.UTC(2027, 0, 1)), id: "0192f7a8-0000-7000-8000-000000000001" };
    expect(parseCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(parseCursor("12.not-a-uuid")).toBeNull();
  });
});
