import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { timeZoneOptions } from "@/lib/calendar-zones";
import { NAME_MAX, NAME_REQUIRED, PASSWORDS_DIFFER, TIME_ZONE_INVALID } from "@/lib/features/account/constants";
import { lineText } from "@/lib/text-input";

/** The zones Intl lists on this machine, plus UTC: what the Settings page offers, and all it accepts. */
function isOfferedTimeZone(zone: string): boolean {
  return timeZoneOptions().includes(zone);
}

/** Settings → Profile. An empty time zone means "my cohort's zone" and is stored as null. */
export const profileSchema = z
  .object({
    name: lineText({ error: NAME_REQUIRED }).trim().min(1, NAME_REQUIRED).max(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
    timeZone: z
      .string({ error: TIME_ZONE_INVALID })
      .refine((zone) => zone === "" || isOfferedTimeZone(zone), TIME_ZONE_INVALID)
      .transform((zone) => (zone === "" ? null : zone)),
  })
  .strict();

export type ProfileInput = z.output<typeof profileSchema>;

/** Settings → Password: the new password follows the same policy as a reset link (`passwordSchema`). */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: PASSWORDS_DIFFER }),
  })
  .strict()
  .refine((input) => input.newPassword === input.confirmPassword, { message: PASSWORDS_DIFFER, path: ["confirmPassword"] });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
