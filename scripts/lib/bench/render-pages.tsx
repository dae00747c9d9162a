// The baselines' pages: for each Cairn page the benchmark measures, at most three hand-written SQL queries for its
// data and plain React components that render it as rows of a fixed shape (docs/decisions/021). B_render renders
// them with react-dom/server (render-server.tsx), B_next as a Next.js page (next-baseline/). No ORM, no session.
import type pg from "pg";

export type PageKind = "roadmap" | "milestone" | "queue" | "review" | "matrix";

export type RenderPage = {
  path: string;
  kind: PageKind;
  params: Record<string, string>;
  /** Elements per data row, and extra elements so the page's count matches Cairn's; set by calibration. */
  perRow: number;
  padding: number;
};

export type PageData = { title: string; subtitle: string; rows: string[][] };

/** Rows the matrix and the review queue show on one page, as Cairn's pagination does. */
const MATRIX_PAGE = 25;
const QUEUE_PAGE = 50;

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

async function roadmap(pool: pg.Pool, { cohortId, membershipId }: Record<string, string>): Promise<PageData> {
  const [cohort, milestones, progress] = await Promise.all([
    pool.query("SELECT c.name, v.title, v.summary FROM cohorts c JOIN roadmap_versions v ON v.id = c.version_id WHERE c.id = $1", [cohortId]),
    pool.query(
      `SELECT p.title AS phase, m.key, m.title, m.effort_hours, m.review_required, m.evidence
         FROM milestones m JOIN phases p ON p.id = m.phase_id
        WHERE m.version_id = (SELECT version_id FROM cohorts WHERE id = $1) AND m.archived_at IS NULL
        ORDER BY p.position, m.position`,
      [cohortId],
    ),
    pool.query("SELECT item_key, status, completed_at FROM progress WHERE membership_id = $1", [membershipId]),
  ]);
  const status = new Map(progress.rows.map((row) => [row.item_key as string, row]));
  return {
    title: text(cohort.rows[0]?.title),
    subtitle: `${text(cohort.rows[0]?.name)} · ${text(cohort.rows[0]?.summary)}`,
    rows: milestones.rows.map((m) => {
      const mine = status.get(m.key);
      return [m.title, m.phase, text(mine?.status ?? "not_started"), m.review_required ? "Review" : "Self-check", `${text(m.effort_hours)} h`, text(m.evidence)];
    }),
  };
}

async function milestone(pool: pg.Pool, { cohortId, membershipId, key }: Record<string, string>): Promise<PageData> {
  const [item, attempts, comments] = await Promise.all([
    pool.query(
      `SELECT m.title, m.description, m.done_when, m.resources, p.title AS phase
         FROM milestones m JOIN phases p ON p.id = m.phase_id JOIN cohorts c ON c.version_id = m.version_id
        WHERE c.id = $1 AND m.key = $2`,
      [cohortId, key],
    ),
    pool.query(
      `SELECT s.attempt, s.status, s.note, s.created_at, l.url, l.label, r.decision, r.comment
         FROM progress pr JOIN submissions s ON s.progress_id = pr.id
         LEFT JOIN submission_links l ON l.submission_id = s.id LEFT JOIN reviews r ON r.submission_id = s.id
        WHERE pr.membership_id = $1 AND pr.item_key = $2 ORDER BY s.attempt DESC, l.position`,
      [membershipId, key],
    ),
    pool.query(
      `SELECT c.body, c.created_at, u.name FROM comments c JOIN users u ON u.id = c.author_id
        WHERE c.membership_id = $1 AND c.item_key = $2 AND c.deleted_at IS NULL ORDER BY c.created_at`,
      [membershipId, key],
    ),
  ]);
  const row = item.rows[0] ?? {};
  const resources = (row.resources ?? []) as { label?: string; url?: string }[];
  return {
    title: text(row.title),
    subtitle: `${text(row.phase)} · ${text(row.description).slice(0, 200)}`,
    rows: [
      ...((row.done_when ?? []) as string[]).map((line) => [line, "Done when"]),
      ...resources.map((resource) => [text(resource.label), text(resource.url)]),
      ...attempts.rows.map((a) => [`Attempt ${a.attempt}`, text(a.status), text(a.label), text(a.url), text(a.decision), text(a.comment), text(a.note)]),
      ...comments.rows.map((c) => [text(c.name), text(c.body), new Date(c.created_at).toISOString().slice(0, 10)]),
    ],
  };
}

async function queue(pool: pg.Pool, { mentorId }: Record<string, string>): Promise<PageData> {
  const [pending, cohorts] = await Promise.all([
    pool.query(
      `SELECT s.id, s.attempt, s.created_at, u.name, c.name AS cohort, coalesce(m.title, pp.title, p.item_key) AS title
         FROM submissions s JOIN progress p ON p.id = s.progress_id JOIN memberships ms ON ms.id = p.membership_id
         JOIN users u ON u.id = ms.user_id JOIN cohorts c ON c.id = ms.cohort_id
         LEFT JOIN milestones m ON m.version_id = c.version_id AND m.key = p.item_key
         LEFT JOIN portfolio_projects pp ON pp.version_id = c.version_id AND pp.key = p.item_key
        WHERE s.status = 'pending' AND ms.cohort_id IN (SELECT cohort_id FROM memberships WHERE user_id = $1 AND role = 'mentor' AND removed_at IS NULL)
        ORDER BY s.created_at LIMIT ${QUEUE_PAGE}`,
      [mentorId],
    ),
    pool.query(
      `SELECT c.name, count(*) FILTER (WHERE s.status = 'pending') AS waiting
         FROM memberships mine JOIN cohorts c ON c.id = mine.cohort_id
         JOIN memberships ms ON ms.cohort_id = c.id JOIN progress p ON p.membership_id = ms.id JOIN submissions s ON s.progress_id = p.id
        WHERE mine.user_id = $1 AND mine.role = 'mentor' GROUP BY c.name`,
      [mentorId],
    ),
  ]);
  return {
    title: "Review queue",
    subtitle: cohorts.rows.map((c) => `${c.name}: ${c.waiting} waiting`).join(" · "),
    rows: pending.rows.map((s) => [text(s.title), text(s.name), text(s.cohort), `Attempt ${s.attempt}`, new Date(s.created_at).toISOString().slice(0, 10), `/reviews/${s.id}`]),
  };
}

async function review(pool: pg.Pool, { submissionId }: Record<string, string>): Promise<PageData> {
  const [submission, links, history] = await Promise.all([
    pool.query(
      `SELECT s.attempt, s.note, s.created_at, u.name, c.name AS cohort, m.title, m.done_when
         FROM submissions s JOIN progress p ON p.id = s.progress_id JOIN memberships ms ON ms.id = p.membership_id
         JOIN users u ON u.id = ms.user_id JOIN cohorts c ON c.id = ms.cohort_id
         LEFT JOIN milestones m ON m.version_id = c.version_id AND m.key = p.item_key
        WHERE s.id = $1`,
      [submissionId],
    ),
    pool.query("SELECT url, label, kind FROM submission_links WHERE submission_id = $1 ORDER BY position", [submissionId]),
    pool.query(
      `SELECT s.attempt, s.status, r.decision, r.comment, r.created_at
         FROM submissions s JOIN submissions this ON this.progress_id = s.progress_id AND this.id = $1
         LEFT JOIN reviews r ON r.submission_id = s.id WHERE s.id <> this.id ORDER BY s.attempt DESC`,
      [submissionId],
    ),
  ]);
  const row = submission.rows[0] ?? {};
  return {
    title: text(row.title),
    subtitle: `${text(row.name)} · ${text(row.cohort)} · attempt ${text(row.attempt)} · ${text(row.note)}`,
    rows: [
      ...((row.done_when ?? []) as string[]).map((line) => [line, "Done when"]),
      ...links.rows.map((l) => [text(l.label), text(l.url), text(l.kind)]),
      ...history.rows.map((h) => [`Attempt ${h.attempt}`, text(h.status), text(h.decision), text(h.comment)]),
    ],
  };
}

async function matrix(pool: pg.Pool, { cohortId }: Record<string, string>): Promise<PageData> {
  const [cohort, items, learners] = await Promise.all([
    pool.query("SELECT c.name, v.title FROM cohorts c JOIN roadmap_versions v ON v.id = c.version_id WHERE c.id = $1", [cohortId]),
    pool.query(
      `SELECT m.key FROM milestones m JOIN phases p ON p.id = m.phase_id
        WHERE m.version_id = (SELECT version_id FROM cohorts WHERE id = $1) AND m.archived_at IS NULL ORDER BY p.position, m.position`,
      [cohortId],
    ),
    pool.query(
      `SELECT u.name, ms.id,
              count(p.id) FILTER (WHERE p.status IN ('done', 'approved')) AS finished,
              count(p.id) FILTER (WHERE p.status = 'submitted') AS waiting,
              max(p.updated_at) AS active,
              array_agg(p.item_key || ':' || p.status) FILTER (WHERE p.id IS NOT NULL) AS cells
         FROM memberships ms JOIN users u ON u.id = ms.user_id LEFT JOIN progress p ON p.membership_id = ms.id
        WHERE ms.cohort_id = $1 AND ms.role = 'learner' AND ms.removed_at IS NULL
        GROUP BY u.name, ms.id ORDER BY u.name, ms.id`,
      [cohortId],
    ),
  ]);
  const total = learners.rows.length;
  const finished = learners.rows.reduce((sum, l) => sum + Number(l.finished), 0);
  return {
    title: text(cohort.rows[0]?.name),
    subtitle: `${text(cohort.rows[0]?.title)} · ${total} learners · ${items.rows.length} milestones · ${finished} finished`,
    rows: learners.rows.slice(0, MATRIX_PAGE).map((l) => {
      const cells = new Map(((l.cells ?? []) as string[]).map((cell) => cell.split(":") as [string, string]));
      return [text(l.name), `${l.finished} done`, `${l.waiting} waiting`, ...items.rows.map((item) => cells.get(item.key) ?? "·")];
    }),
  };
}

export const LOADERS: Record<PageKind, (pool: pg.Pool, params: Record<string, string>) => Promise<PageData>> = {
  roadmap,
  milestone,
  queue,
  review,
  matrix,
};

function Row({ cells, shape }: { cells: string[]; shape: number }) {
  // One <li> and shape - 1 children, cycling through the row's values.
  return <li>{Array.from({ length: shape - 1 }, (_, index) => <span key={index}>{cells[index % Math.max(1, cells.length)]}</span>)}</li>;
}

/**
 * What goes inside <body>: with the body itself, BASE_ELEMENTS (measure.ts) elements with no rows and no padding —
 * body, header, nav, three links, main, h1, p, ul, footer.
 */
export function PageContent({ data, perRow, padding }: { data: PageData; perRow: number; padding: number }) {
  return (
    <>
      <header>
        <nav>
          <a href="#roadmap">Roadmap</a>
          <a href="#reviews">Reviews</a>
          <a href="#cohorts">Cohorts</a>
        </nav>
      </header>
      <main>
        <h1>{data.title}</h1>
        <p>{data.subtitle}</p>
        <ul>
          {data.rows.map((cells, index) => (
            <Row key={index} cells={cells} shape={perRow} />
          ))}
        </ul>
        <footer>{Array.from({ length: padding }, (_, index) => <i key={index}>·</i>)}</footer>
      </main>
    </>
  );
}
