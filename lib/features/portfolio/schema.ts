import { z } from "zod";

export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,28}[a-z0-9])$/;

export const portfolioSettingsSchema = z.strictObject({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(HANDLE_PATTERN, { error: "Use 3–30 lower-case letters, digits or dashes, starting and ending with a letter or digit." }),
  isPublic: z.boolean(),
});

export type PortfolioSettingsInput = z.infer<typeof portfolioSettingsSchema>;
