/**
 * Names of jobs that code outside their feature asks for by name: writing a notification kicks the mail job, which
 * lives in a feature that depends on notifications, so the name lives here, below both.
 */
export const MAIL_FLUSH_JOB = "mail.flush";
