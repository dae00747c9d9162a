import type { Day } from "@/lib/calendar";
import type { KeysetCursor } from "@/lib/cursor";
/** Who made a change, as the audit log shows it. */
export type AuditActor =
  | { kind: "user"; id: string; name: string; email: string; deactivated: boolean }
  /** No actor and no request: the command line, the seed or a background job. */
  | { kind: "system" }
  /** No actor any more, but the change came from a signed-in request: the account was deleted since. */
  | { kind: "deleted" };

export type AuditTarget = {
  type: string;
  typeLabel: string;
  id: string;
  /** A readable name, or null when the target no longer exists or its type is not resolved. */
  name: string | null;
  /** Extra context such as "in Cohort X" or "attempt 2". */
  detail: string | null;
  href: string | null;
};

/** One changed field: values are already formatted for reading. */
export type AuditChange = { field: string; before: string; after: string };

export type AuditEventRow = {
  id: string;
  /** ISO instant. */
  createdAt: string;
  /** "26 Nov 2026, 14:05 UTC". */
  absoluteTime: string;
  /** "3 hours ago", against the request's clock. */
  relativeTime: string;
  actor: AuditActor;
  action: string;
  actionLabel: string;
  target: AuditTarget;
  cohort: { id: string; name: string; href: string } | null;
  changes: AuditChange[];
};

/** The page's filters once validated; each one is optional. */
export type AuditFilters = {
  /** A user id, or "system". */
  actor?: string;
  /** An exact action ("cohort.update") or a group ("user.*"). */
  type?: string;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: Day;
  to?: Day;
};

/** Keyset position: (createdAt, id), newest first. */
export type AuditCursor = KeysetCursor;

export type AuditQuery = {
  filters: AuditFilters;
  /** Older than this row (`?before=`) or newer than it (`?after=`); at most one. */
  before?: AuditCursor;
  after?: AuditCursor;
  /** One plain-English line per ignored search parameter. */
  notes: string[];
};

export type AuditActorOption = { value: string; label: string };
export type AuditTypeOption = { value: string; label: string };
export type AuditTypeGroup = { value: string; label: string; actions: AuditTypeOption[] };

export type AuditLogPage = {
  rows: AuditEventRow[];
  filters: AuditFilters;
  notes: string[];
  /** `?before=` value for the "Older" link, or null on the last page. */
  olderCursor: string | null;
  /** `?after=` value for the "Newer" link, or null on the first page. */
  newerCursor: string | null;
  /** The request named a page (`?before=` / `?after=`), so an empty result means "nothing on this page". */
  paged: boolean;
  actorOptions: AuditActorOption[];
  typeGroups: AuditTypeGroup[];
};
