export type NavArea = "learner" | "mentor" | "admin";

export type UserCohortRole = { cohortId: string; cohortName: string; role: "mentor" | "learner" };

/** One person as Admin → Users lists them. Never the password hash. */
export type UserRow = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  /** Active memberships in cohorts that are not archived. */
  cohorts: UserCohortRole[];
  deactivatedAt: string | null;
  /** Refreshed when they sign in. */
  lastSeenAt: string | null;
  createdAt: string;
  /** API tokens neither revoked nor expired (Admin → API tokens lists them). */
  liveApiTokens: number;
  isViewer: boolean;
};

export type UserListFilters = {
  q: string;
  role: "admin" | "mentor" | "learner" | null;
  cohortId: string | null;
  status: "active" | "deactivated" | null;
};

export type CohortOption = { id: string; name: string };

export type AdminUsersPage = {
  filters: UserListFilters;
  users: UserRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  cohorts: CohortOption[];
  /** Active admins right now; the last one cannot be demoted or deactivated. */
  activeAdmins: number;
};

/** "Create reset link": the link's token, shown once, and when it stops working. */
export type CreatedResetLink = { token: string; expiresAt: string; userName: string };

/** What /reset-password/[token] shows; every unusable token looks the same. */
export type ResetLanding = { valid: false } | { valid: true; name: string; expiresAt: string };
