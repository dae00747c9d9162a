import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { lineText, searchText } from "@/lib/text-input";
import {
  RESET_INVALID_MESSAGE,
  ROLE_FILTERS,
  STATUS_FILTERS,
  USER_NOT_FOUND,
  USER_SEARCH_MAX,
} from "@/lib/features/users/constants";

export const NAME_MAX = 120;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "Use at most 320 characters.")
  .pipe(z.email("Enter an email address like name@example.org."));

export const newAccountSchema = z
  .object({
    email: emailSchema,
    name: lineText({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
    password: passwordSchema,
  })
  .strict();

export type NewAccount = z.infer<typeof newAccountSchema>;

// ——— Admin → Users ———
// Server-side in practice (passwordSchema brings argon2 along); client components use constants.ts.


function firstValue(value: unknown) {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The list's URL search params. Anything malformed falls back to "no filter" or page 1: a hand-edited
 * or stale URL still shows the list, never an error.
 */
export const userListParamsSchema = z.object({
  q: z.preprocess(firstValue, searchText().trim().max(USER_SEARCH_MAX).catch("")).catch(""),
  role: z.preprocess(firstValue, z.enum(ROLE_FILTERS).optional()).catch(undefined),
  cohort: z.preprocess(firstValue, z.uuid().optional()).catch(undefined),
  status: z.preprocess(firstValue, z.enum(STATUS_FILTERS).optional()).catch(undefined),
  page: z.preprocess(
    (value) => Number(firstValue(value) ?? 1),
    z.number().int().min(1).max(100_000),
  ).catch(1),
});
export type UserListParams = z.output<typeof userListParamsSchema>;

const userIdSchema = z.uuid(USER_NOT_FOUND);

export const userRefSchema = z.object({ userId: userIdSchema }).strict();

export const setAdminSchema = z.object({ userId: userIdSchema, isAdmin: z.boolean("Choose whether they are an admin.") }).strict();

/** 32 random bytes in base64url: 43 characters. Anything else cannot be a link Cairn issued. */
export const resetTokenSchema = z.string({ error: RESET_INVALID_MESSAGE }).regex(/^[A-Za-z0-9_-]{43}$/, RESET_INVALID_MESSAGE);

/** /reset-password/[token] → "Set new password": the same policy as a new account. */
export const resetPasswordSchema = z.object({ token: resetTokenSchema, password: passwordSchema }).strict();

/** /forgot-password: the address only. */
export const forgotPasswordSchema = z.object({ email: emailSchema }).strict();
