import "server-only";
import { db } from "@/lib/db";
import { AUDIT_PAGE_SIZE, INSTANCE_SETTING_TARGETS, RESOLVED_TARGET_TYPES } from "@/lib/features/audit/constants";
import type {
  AuditActor,
  AuditActorOption,
  AuditEventRow,
  AuditLogPage,
  AuditQuery,
  AuditTarget,
} from "@/lib/features/audit/types";
import {
  actionLabel,
  groupActions,
  isSystemActor,
  listChanges,
  targetTypeLabel,
} from "@/lib/features/audit/utils";
import { encodeCursor } from "@/lib/cursor";
import { addDays, dateOfDay } from "@/lib/calendar";
import { formatMoment, formatRelativeTime } from "@/lib/calendar-zones";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";

const eventSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  requestId: true,
  createdAt: true,
  actorId: true,
  actor: { select: { id: true, name: true, email: true, deactivatedAt: true } },
  cohort: { select: { id: true, name: true } },
} satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

type TargetType = (typeof RESOLVED_TARGET_TYPES)[number];

/** What the batched lookup knows about one target. */
type ResolvedTarget = {
  type: TargetType;
  id: string;
  name: string | null;
  detail: string | null;
  cohort_id: string | null;
  membership_id: string | null;
  role: string | null;
  /** Set where the link is built in SQL (admin pages of roadmaps, their items and people). */
  href: string | null;
};

/**
 * The filters as a WHERE clause; each shape matches an index on audit_events (actor, action or created_at first).
 * A group ("user.*") becomes the list of its codes present in the log rather than `LIKE 'user.%'`, which a btree
 * index serves only under the C collation.
 */
function filterWhere({ filters }: AuditQuery, actions: string[]): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.actor) where.actorId = isSystemActor(filters.actor) ? null : filters.actor;
  if (filters.type?.endsWith(".*")) {
    const prefix = filters.type.slice(0, -1);
    where.action = { in: actions.filter((action) => action.startsWith(prefix)) };
  } else if (filters.type) {
    where.action = filters.type;
  }
  if (filters.from || filters.to) {
    // Whole UTC days; "to" is inclusive, so the range ends at the next day's midnight.
    where.createdAt = {
      ...(filters.from ? { gte: dateOfDay(filters.from) } : {}),
      ...(filters.to ? { lt: dateOfDay(addDays(filters.to, 1)) } : {}),
    };
  }
  return where;
}

/**
 * One page of events, newest first, keyset on (created_at, id) so rows written while an admin pages never shift
 * or repeat. "Newer" pages read upwards from their cursor and are flipped. One statement (relation joins), one row
 * more than the page to learn whether the page has a neighbour in its reading direction.
 */
async function listEventRows(query: AuditQuery, actions: string[], limit: number) {
  const where = filterWhere(query, actions);
  const cursor = query.before ?? query.after;
  const direction = query.after ? "gt" : "lt";
  const rows = await db.auditEvent.findMany({
    where: cursor
      ? {
          AND: [
            where,
            {
              OR: [
                { createdAt: { [direction]: cursor.createdAt } },
                { createdAt: cursor.createdAt, id: { [direction]: cursor.id } },
              ],
            },
          ],
        }
      : where,
    orderBy: query.after ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: eventSelect,
  });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (query.after) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    rows: page,
    // Reading older rows, a cursor means a newer page exists (the row it points at); reading newer rows, the
    // extra row says whether there are newer ones still, and the cursor row itself is older.
    olderCursor: last && (query.after ? true : more) ? encodeCursor(last) : null,
    newerCursor: first && (query.before ? true : query.after ? more : false) ? encodeCursor(first) : null,
  };
}

/**
 * Readable names for every target on the page in ONE statement whatever the mix of types: one UNION ALL branch
 * per type, each a primary-key lookup with `= ANY(ids)` (an empty list costs nothing).
 */
async function resolveTargets(rows: EventRow[]): Promise<Map<string, ResolvedTarget>> {
  const ids = Object.fromEntries(RESOLVED_TARGET_TYPES.map((type) => [type, [] as string[]])) as Record<TargetType, string[]>;
  for (const row of rows) {
    const list = (ids as Record<string, string[] | undefined>)[row.targetType];
    if (list && isUuid(row.targetId)) list.push(row.targetId);
  }
  const found = await db.$queryRaw<ResolvedTarget[]>`
    SELECT 'cohort' AS type, c.id::text AS id, c.name AS name, NULL AS detail, c.id::text AS cohort_id,
           NULL AS membership_id, NULL AS role, NULL AS href
      FROM cohorts c WHERE c.id = ANY(${ids.cohort}::uuid[])
    UNION ALL
    SELECT 'membership', m.id::text, u.name, m.role::text || ' in ' || c.name, m.cohort_id::text, m.id::text, m.role::text, NULL
      FROM memberships m JOIN users u ON u.id = m.user_id JOIN cohorts c ON c.id = m.cohort_id
     WHERE m.id = ANY(${ids.membership}::uuid[])
    UNION ALL
    SELECT 'invite', i.id::text, initcap(i.role::text) || ' invite', CASE WHEN c.name IS NULL THEN NULL ELSE 'for ' || c.name END,
           i.cohort_id::text, NULL, i.role::text, NULL
      FROM invites i LEFT JOIN cohorts c ON c.id = i.cohort_id WHERE i.id = ANY(${ids.invite}::uuid[])
    UNION ALL
    SELECT 'submission', s.id::text, u.name, COALESCE(ms.title, pp.title, p.item_key) || ', attempt ' || s.attempt,
           m.cohort_id::text, m.id::text, m.role::text, NULL
      FROM submissions s
      JOIN progress p ON p.id = s.progress_id
      JOIN memberships m ON m.id = p.membership_id
      JOIN users u ON u.id = m.user_id
      JOIN cohorts c ON c.id = m.cohort_id
      LEFT JOIN milestones ms ON ms.version_id = c.version_id AND ms.key = p.item_key
      LEFT JOIN portfolio_projects pp ON pp.version_id = c.version_id AND pp.key = p.item_key
     WHERE s.id = ANY(${ids.submission}::uuid[])
    UNION ALL
    SELECT 'criterion_assessment', ca.id::text, u.name, COALESCE(sc.text, ca.criterion_key), m.cohort_id::text, m.id::text, m.role::text, NULL
      FROM criterion_assessments ca
      JOIN memberships m ON m.id = ca.membership_id
      JOIN users u ON u.id = m.user_id
      JOIN cohorts c ON c.id = m.cohort_id
      LEFT JOIN success_criteria sc ON sc.version_id = c.version_id AND sc.key = ca.criterion_key
     WHERE ca.id = ANY(${ids.criterion_assessment}::uuid[])
    UNION ALL
    SELECT 'roadmap', r.id::text, r.name, r.slug, NULL, NULL, NULL, '/admin/roadmaps/' || r.id
      FROM roadmaps r WHERE r.id = ANY(${ids.roadmap}::uuid[])
    UNION ALL
    SELECT 'roadmap_version', v.id::text, r.name, 'version ' || v.number || ' (' || v.status::text || ')', NULL, NULL, NULL,
           '/admin/roadmaps/' || r.id || '/versions/' || v.number
      FROM roadmap_versions v JOIN roadmaps r ON r.id = v.roadmap_id WHERE v.id = ANY(${ids.roadmap_version}::uuid[])
    UNION ALL
    SELECT 'phase', x.id::text, x.title, x.key || ' · ' || r.name || ' version ' || v.number, NULL, NULL, NULL,
           '/admin/roadmaps/' || r.id || '/versions/' || v.number || '?item=phase:' || x.id
      FROM phases x JOIN roadmap_versions v ON v.id = x.version_id JOIN roadmaps r ON r.id = v.roadmap_id
     WHERE x.id = ANY(${ids.phase}::uuid[])
    UNION ALL
    SELECT 'milestone', x.id::text, x.title, x.key || ' · ' || r.name || ' version ' || v.number, NULL, NULL, NULL,
           '/admin/roadmaps/' || r.id || '/versions/' || v.number || '?item=milestone:' || x.id
      FROM milestones x JOIN roadmap_versions v ON v.id = x.version_id JOIN roadmaps r ON r.id = v.roadmap_id
     WHERE x.id = ANY(${ids.milestone}::uuid[])
    UNION ALL
    SELECT 'project', x.id::text, x.title, x.key || ' · ' || r.name || ' version ' || v.number, NULL, NULL, NULL,
           '/admin/roadmaps/' || r.id || '/versions/' || v.number || '?item=project:' || x.id
      FROM portfolio_projects x JOIN roadmap_versions v ON v.id = x.version_id JOIN roadmaps r ON r.id = v.roadmap_id
     WHERE x.id = ANY(${ids.project}::uuid[])
    UNION ALL
    SELECT 'user', u.id::text, u.name, u.email, NULL, NULL, NULL, '/admin/users?q=' || u.email
      FROM users u WHERE u.id = ANY(${ids.user}::uuid[])
    UNION ALL
    SELECT 'api_token', t.id::text, t.name, t.prefix || '… of ' || u.name, NULL, NULL, NULL, NULL
      FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ANY(${ids.api_token}::uuid[])
    UNION ALL
    SELECT 'webhook', h.id::text, COALESCE(NULLIF(h.description, ''), 'Webhook'), substring(h.url FROM '^https?://([^/?#]+)'),
           NULL, NULL, NULL, '/admin/webhooks/' || h.id
      FROM webhooks h WHERE h.id = ANY(${ids.webhook}::uuid[])`;
  return new Map(found.map((target) => [`${target.type}:${target.id}`, target]));
}

function hrefOf(target: ResolvedTarget): string | null {
  switch (target.type) {
    case "cohort":
      return `/cohorts/${target.id}`;
    case "membership":
      return target.role === "learner" ? `/cohorts/${target.cohort_id}/learners/${target.id}` : `/cohorts/${target.cohort_id}/members`;
    case "invite":
      return target.cohort_id ? `/cohorts/${target.cohort_id}/members` : null;
    case "submission":
      return `/reviews/${target.id}`;
    case "criterion_assessment":
      return `/cohorts/${target.cohort_id}/learners/${target.membership_id}`;
    default:
      return target.href;
  }
}

function toTarget(row: EventRow, resolved: ResolvedTarget | undefined): AuditTarget {
  const setting = row.targetType === "instance_setting" && Object.hasOwn(INSTANCE_SETTING_TARGETS, row.targetId) ? INSTANCE_SETTING_TARGETS[row.targetId] : undefined;
  if (setting) return { type: row.targetType, typeLabel: targetTypeLabel(row.targetType), id: row.targetId, name: setting.name, detail: null, href: setting.href };
  return {
    type: row.targetType,
    typeLabel: targetTypeLabel(row.targetType),
    id: row.targetId,
    name: resolved?.name ?? null,
    detail: resolved?.detail ?? null,
    href: resolved ? hrefOf(resolved) : null,
  };
}

function toActor(row: EventRow): AuditActor {
  if (row.actor) {
    return { kind: "user", id: row.actor.id, name: row.actor.name, email: row.actor.email, deactivated: !!row.actor.deactivatedAt };
  }
  // actor_id is set to null when an account is deleted; a change made through a request had a person behind it.
  return row.requestId ? { kind: "deleted" } : { kind: "system" };
}

function toRow(row: EventRow, targets: Map<string, ResolvedTarget>, now: Date): AuditEventRow {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    absoluteTime: formatMoment(row.createdAt, "UTC", { named: true }),
    relativeTime: formatRelativeTime(row.createdAt, now),
    actor: toActor(row),
    action: row.action,
    actionLabel: actionLabel(row.action),
    target: toTarget(row, targets.get(`${row.targetType}:${row.targetId}`)),
    cohort: row.cohort ? { ...row.cohort, href: `/cohorts/${row.cohort.id}` } : null,
    changes: listChanges(row.before, row.after),
  };
}

/**
 * People who appear as actors, for the "Person" filter: a loose index scan over (actor_id, created_at) — one
 * index probe per distinct actor, however many events each has — plus "System" when actorless rows exist.
 */
export async function listAuditActors(): Promise<AuditActorOption[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; email: string }[]>`
    WITH RECURSIVE actors AS (
      (SELECT actor_id FROM audit_events WHERE actor_id IS NOT NULL ORDER BY actor_id LIMIT 1)
      UNION ALL
      SELECT (SELECT e.actor_id FROM audit_events e WHERE e.actor_id > a.actor_id ORDER BY e.actor_id LIMIT 1)
        FROM actors a WHERE a.actor_id IS NOT NULL
    )
    SELECT u.id::text AS id, u.name, u.email FROM actors a JOIN users u ON u.id = a.actor_id
    UNION ALL
    SELECT 'system', 'System', '' WHERE EXISTS (SELECT 1 FROM audit_events WHERE actor_id IS NULL)`;
  const people = rows
    .filter((row) => row.id !== "system")
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email, "en"))
    .map((row) => ({ value: row.id, label: `${row.name} (${row.email})` }));
  const system = rows.some((row) => row.id === "system") ? [{ value: "system", label: "System" }] : [];
  return [...system, ...people];
}

/** Distinct action codes present, by the same loose index scan over (action, created_at). */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions AS (
      (SELECT action FROM audit_events ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT e.action FROM audit_events e WHERE e.action > a.action ORDER BY e.action LIMIT 1)
        FROM actions a WHERE a.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((row) => row.action);
}

/**
 * Everything /admin/audit shows: a page of events with names resolved, and the filter options. Four statements
 * whatever the number of events or the mix of target types.
 */
export async function getAuditLogPage(query: AuditQuery, now = new Date(), limit = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
  const [actions, actorOptions] = await Promise.all([listAuditActions(), listAuditActors()]);
  const page = await listEventRows(query, actions, limit);
  const targets = await resolveTargets(page.rows);
  return {
    rows: page.rows.map((row) => toRow(row, targets, now)),
    filters: query.filters,
    notes: query.notes,
    olderCursor: page.olderCursor,
    newerCursor: page.newerCursor,
    paged: !!(query.before ?? query.after),
    actorOptions,
    typeGroups: groupActions(actions),
  };
}
