import { z } from "zod";
import { SIGN_UP_DOMAINS_MAX } from "@/lib/features/sso/constants";
import { isDomainName, splitDomainList } from "@/lib/features/sso/utils";
import { inviteTokenSchema } from "@/lib/features/invites/schema";

/** Admin → Sign-in methods. The domains arrive as the textarea's text and leave as a sorted list. */
export const signInSettingsSchema = z
  .object({
    ssoOnly: z.boolean("Choose whether only single sign-on is allowed."),
    selfSignUpDomains: z
      .string("List the domains, one per line.")
      .max(SIGN_UP_DOMAINS_MAX * 254, "The list is too long.")
      .transform(splitDomainList)
      .superRefine((domains, context) => {
        const bad = domains.filter((domain) => !isDomainName(domain));
        if (bad.length > 0) {
          context.addIssue({
            code: "custom",
            message: `Not a domain name: ${bad.slice(0, 3).map((domain) => domain.slice(0, 80)).join(", ")}${bad.length > 3 ? ` and ${bad.length - 3} more` : ""}. Write domains like example.org.`,
          });
        }
        if (domains.length > SIGN_UP_DOMAINS_MAX) {
          context.addIssue({ code: "custom", message: `List at most ${SIGN_UP_DOMAINS_MAX} domains.` });
        }
      })
      .transform((domains) => [...domains].sort()),
  })
  .strict();

/** "Continue with …" on an invite page: the invite the coming sign-in should redeem. */
export const startInviteSsoSchema = z.object({ token: inviteTokenSchema }).strict();
