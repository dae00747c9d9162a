// Optimistic locking: a form sends back the version of the row it loaded, and a save with a stale one is refused.
import { z } from "zod";

/** lock_version columns are PostgreSQL integers; a larger number cannot be a version any form loaded. */
export const LOCK_VERSION_MAX = 2_147_483_647;
export const STALE_FORM_MESSAGE = "This form is out of date. Reload the page and make your change again.";

/** The version a form loaded (docs/security.md #39: a number past the column's range is refused, not sent on). */
export const lockVersionSchema = z.int({ error: STALE_FORM_MESSAGE }).min(0, STALE_FORM_MESSAGE).max(LOCK_VERSION_MAX, STALE_FORM_MESSAGE);
