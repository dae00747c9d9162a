import type { CohortOption } from "@/lib/features/users/types";

export type InviteState = "active" | "expired" | "used_up" | "revoked";

export type InviteRow = {
  id: string;
  /** Cohort links are mentor or learner links; instance links (no cohort) may also make an admin. */
  role: "admin" | "mentor" | "learner";
  maxUses: number;
  useCount: number;
  /** The address "Invite by e-mail" sent it to; null for a link shared by hand. */
  sentTo: string | null;
  expiresAt: string;
  createdAt: string;
  createdByName: string | null;
  state: InviteState;
};

/** A new invite: the link's token is in here once and never stored. */
export type CreatedInvite = { token: string; invite: InviteRow };

/** What /invite/[token] shows; every way of being unusable looks the same. */
export type InviteLanding =
  | { valid: false }
  | {
      valid: true;
      cohortId: string | null;
      cohortName: string | null;
      role: "admin" | "mentor" | "learner";
      roadmapTitle: string | null;
      expiresAt: string;
      /** The signed-in viewer's active role in the cohort, when they already belong to it. */
      viewerRole: "mentor" | "learner" | null;
    };

/**
 * Where someone goes after accepting an invite. `notice` explains, when they were already a member with another role than the
 * invite's, that the link changed nothing.
 */
export type JoinedCohort = {
  cohortId: string | null;
  role: "admin" | "mentor" | "learner";
  home: string;
  alreadyMember: boolean;
  notice?: string;
};

export type InstanceInviteRow = InviteRow & { cohortName: string | null };

export type AdminInvitesPage = { invites: InstanceInviteRow[]; cohorts: CohortOption[] };
