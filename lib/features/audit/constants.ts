/** Rows per page on /admin/audit. */
export const AUDIT_PAGE_SIZE = 50;

/** Longest before/after value shown in the table; the rest is cut with "…" (the row keeps the whole value). */
export const CHANGE_VALUE_MAX = 120;

/** `?actor=system`: events with no actor (command line, seed, background jobs). */
export const SYSTEM_ACTOR = "system";

/** Human names of the action codes Cairn writes (docs/audit-log.md). Unknown codes fall back to `humanizeAction`. */
export const ACTION_LABELS: Record<string, string> = {
  "cohort.create": "Created cohort",
  "cohort.update": "Changed cohort settings",
  "cohort.member_add": "Added cohort member",
  "cohort.member_remove": "Removed cohort member",
  "cohort.member_schedule": "Changed learner's start date or extension",
  "cohort.version_move": "Moved cohort to another roadmap version",
  "invite.create": "Created invite link",
  "invite.revoke": "Revoked invite link",
  "invite.redeem": "Joined with invite link",
  "review.approve": "Recorded review decision: approved",
  "review.request_changes": "Recorded review decision: changes requested",
  "review.link_reapprove": "Re-approved a replaced evidence link",
  "criterion.sign_off": "Signed off success criterion",
  "roadmap.import": "Imported roadmap",
  "roadmap.create": "Created roadmap",
  "roadmap.publish": "Published roadmap version",
  "roadmap.draft_create": "Started draft roadmap version",
  "roadmap.draft_discard": "Discarded draft roadmap version",
  "roadmap.version_update": "Edited roadmap title, goal or lists",
  "roadmap.item_create": "Added roadmap item",
  "roadmap.item_update": "Edited roadmap item",
  "roadmap.reorder": "Reordered roadmap items",
  "roadmap.item_archive": "Archived roadmap item",
  "roadmap.item_restore": "Restored roadmap item",
  "roadmap.archive": "Archived roadmap",
  "roadmap.restore": "Restored roadmap",
  "user.create_admin": "Created admin account",
  "user.grant_admin": "Made user an admin",
  "user.revoke_admin": "Removed admin rights",
  "user.deactivate": "Deactivated user",
  "user.reactivate": "Reactivated user",
  "user.reset_link_create": "Created password reset link",
  "user.password_reset": "Set a new password with a reset link",
  "user.password_change": "Changed their password in Settings",
  "user.profile_update": "Updated their profile in Settings",
  "user.sso_link": "Linked single sign-on to their account",
  "user.sso_sign_up": "Created account with single sign-on",
  "instance.sign_in_methods": "Changed sign-in methods",
  "api_token.create": "Created API token",
  "api_token.revoke": "Revoked API token",
  "mail.retry": "Retried a failed mail",
  "job.run": "Ran a background job now",
  "webhook.create": "Created webhook",
  "webhook.update": "Edited webhook",
  "webhook.pause": "Paused webhook",
  "webhook.resume": "Turned webhook on",
  "webhook.secret_rotate": "Rotated webhook secret",
  "webhook.delete": "Deleted webhook",
};

/** Names of the groups in the "Type" filter (`user.*`…). */
export const ACTION_GROUP_LABELS: Record<string, string> = {
  cohort: "Cohort changes",
  invite: "Invite links",
  review: "Review decisions",
  criterion: "Success criteria",
  roadmap: "Roadmap changes",
  user: "Account changes",
  instance: "Instance settings",
  api_token: "API tokens",
  mail: "Mail",
  job: "Background jobs",
  webhook: "Webhooks",
};

export const TARGET_TYPE_LABELS: Record<string, string> = {
  cohort: "Cohort",
  membership: "Membership",
  invite: "Invite link",
  submission: "Attempt",
  criterion_assessment: "Self-assessment",
  roadmap: "Roadmap",
  roadmap_version: "Roadmap version",
  phase: "Phase",
  milestone: "Milestone",
  project: "Portfolio project",
  user: "User",
  instance_setting: "Instance setting",
  api_token: "API token",
  mail: "Mail",
  job: "Background job",
  webhook: "Webhook",
};

/** Instance settings (target type `instance_setting`, the key as target id) named without a lookup. */
export const INSTANCE_SETTING_TARGETS: Record<string, { name: string; href: string }> = {
  sign_in_methods: { name: "Sign-in methods", href: "/admin/sign-in" },
};

/** Target types whose names data.ts resolves (one batched statement for all of them). */
export const RESOLVED_TARGET_TYPES = [
  "cohort",
  "membership",
  "invite",
  "submission",
  "criterion_assessment",
  "roadmap",
  "roadmap_version",
  "phase",
  "milestone",
  "project",
  "user",
  "api_token",
  "webhook",
] as const;
