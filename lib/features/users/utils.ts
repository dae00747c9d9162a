import type { UserListFilters } from "@/lib/features/users/types";

/** The /admin/users URL for these filters and page; empty filters and page 1 are left out. */
export function usersHref(filters: UserListFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.role) params.set("role", filters.role);
  if (filters.cohortId) params.set("cohort", filters.cohortId);
  if (filters.status) params.set("status", filters.status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export function isFiltered(filters: UserListFilters): boolean {
  return Boolean(filters.q || filters.role || filters.cohortId || filters.status);
}
