import type { MoveItem, VersionOption } from "@/lib/features/cohorts/types";

/**
 * What moving from one version to another does to each key: kept (in both), new (only in the
 * target) and dropped (only in the current one). Progress hangs off keys, so this is all that changes.
 * Each list keeps the order of the version it comes from.
 */
export function diffVersionItems(current: MoveItem[], target: MoveItem[]) {
  const currentByKey = new Map(current.map((item) => [item.key, item]));
  const targetKeys = new Set(target.map((item) => item.key));
  return {
    kept: target
      .filter((item) => currentByKey.has(item.key))
      .map((item) => {
        const before = currentByKey.get(item.key)!;
        return { ...item, previousTitle: before.title === item.title ? null : before.title };
      }),
    added: target.filter((item) => !currentByKey.has(item.key)),
    dropped: current.filter((item) => !targetKeys.has(item.key)),
  };
}

/**
 * Where a member lands: learners on their roadmap in this cohort, mentors on its members page, admins on
 * the admin home; an account from an instance invite without a cohort waits on /welcome to be added to one.
 */
export function homeOf(role: "admin" | "mentor" | "learner", cohortId: string | null) {
  if (role === "admin") return "/admin";
  if (!cohortId) return "/welcome";
  return role === "learner" ? `/roadmap?cohort=${cohortId}` : `/cohorts/${cohortId}/members`;
}

/**
 * The versions a cohort can move to, its own roadmap's first (newest first), and the one "Move to version" starts
 * on: the newest version of the cohort's own roadmap. Another roadmap is rarely meant, and moving to one drops most
 * milestones, so it is never the default while the cohort's roadmap has another version.
 */
export function moveTargets(current: VersionOption, options: VersionOption[]) {
  const others = options.filter((option) => option.id !== current.id);
  const own = others.filter((option) => option.roadmapId === current.roadmapId).sort((a, b) => b.number - a.number);
  const targets = [...own, ...others.filter((option) => option.roadmapId !== current.roadmapId)];
  return { targets, initial: targets[0]?.id ?? "" };
}
