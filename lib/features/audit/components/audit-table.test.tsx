import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditTable } from "@/lib/features/audit/components/audit-table";
import type { AuditEventRow } from "@/lib/features/audit/types";

const base: AuditEventRow = {
  id: "0192f7a8-0000-7000-8000-000000000001",
  createdAt: "2027-01-10T12:00:00.000Z",
  absoluteTime: "10 Jan 2027, 12:00 UTC",
  relativeTime: "3 hours ago",
  actor: { kind: "user", id: "u1", name: "Ada Admin", email: "ada@example.test", deactivated: false },
  action: "cohort.update",
  actionLabel: "Changed cohort settings",
  target: { type: "cohort", typeLabel: "Cohort", id: "c1", name: "Spring <2027>", detail: null, href: "/cohorts/c1" },
  cohort: { id: "c1", name: "Spring <2027>", href: "/cohorts/c1" },
  changes: [{ field: "weeks per phase", before: "2", after: "3" }],
};

describe("the audit table", () => {
  it("shows time in UTC with the relative hint, who, the action in words and code, and changes behind a disclosure", () => {
    const html = renderToStaticMarkup(<AuditTable rows={[base]} />);
    expect(html).toContain('<time dateTime="2027-01-10T12:00:00.000Z" title="3 hours ago"');
    expect(html).toContain("10 Jan 2027, 12:00 UTC");
    expect(html).toContain("Ada Admin");
    expect(html).toContain("ada@example.test");
    expect(html).toMatch(/Changed cohort settings<\/span><code[^>]*>cohort.update<\/code>/);
    expect(html).toMatch(/<a [^>]*href="\/cohorts\/c1"[^>]*>Spring &lt;2027&gt;<\/a>/);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>1 field<\/summary>/);
    expect(html).toContain("weeks per phase");
    expect(html).toMatch(/<span>2<\/span><span aria-hidden="true"> → <\/span><span class="sr-only"> changed to <\/span><span[^>]*>3<\/span>/);
  });

  it("names System and deleted actors, a target that no longer exists, and events without details", () => {
    const html = renderToStaticMarkup(
      <AuditTable
        rows={[
          { ...base, id: "a", actor: { kind: "system" }, changes: [] },
          { ...base, id: "b", actor: { kind: "deleted" }, target: { ...base.target, name: null, href: null }, cohort: null },
          { ...base, id: "c", actor: { ...base.actor, deactivated: true } as AuditEventRow["actor"] },
        ]}
      />,
    );
    expect(html).toContain("System");
    expect(html).toContain("No details");
    expect(html).toContain("Deleted user");
    expect(html).toContain("No longer exists");
    expect(html).toContain("Deactivated");
  });
});
