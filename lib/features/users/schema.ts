import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";

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
    name: z.string().trim().min(1, "Enter a name.").max(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
    password: passwordSchema,
  })
  .strict();

export type NewAccount = z.infer<typeof newAccountSchema>;
