// Limits and messages shared by the schemas, the forms and the tests. Client components import from here,
// never from schema.ts (which brings the password policy and argon2 along).
export const INVITE_USES_MAX = 500;
export const INVITE_EXPIRY_DAYS_MAX = 90;
/** Expiry choices the invite form offers; the schema accepts any whole number of days up to the max. */
export const INVITE_EXPIRY_CHOICES = [1, 3, 7, 14, 30] as const;
export const INSTANCE_INVITE_EXPIRY_DAYS_MAX = 30;
export const INSTANCE_INVITE_EXPIRY_CHOICES = [1, 3, 7, 14, 30] as const;
/** How many invite links /admin/users/invites lists, newest first. */
export const INVITE_LIST_LIMIT = 200;

export const INVITE_INVALID_MESSAGE = "This invite link is not valid any more";
export const INVITE_NOT_FOUND = "This invite does not exist.";

/** Invites by e-mail: addresses in one go, and how long each personal link works. */
export const EMAIL_INVITES_MAX = 50;
export const EMAIL_INVITE_EXPIRY_DAYS = 14;

/** Cairn's mail is nobody's bulk mailer: one person mails at most this many invites a day, over every cohort. */
export const EMAIL_INVITES_PER_DAY = 200;
export const EMAIL_INVITES_LIMITED = `You can send at most ${EMAIL_INVITES_PER_DAY} invites by e-mail a day, and these would go over. Send fewer, try again tomorrow, or share an invite link.`;

/** An invite's role as its lists name it ("Mentor link", "Learner invite to …"). */
export const INVITE_ROLE_LABELS = { admin: "Admin", mentor: "Mentor", learner: "Learner" } as const;
