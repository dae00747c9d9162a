/** A hostname of at least two labels, each 1–63 letters, digits or inner hyphens, ending in a letter label. */
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isDomainName(value: string): boolean {
  return DOMAIN_PATTERN.test(value);
}

/** The domain of an email address, lower-cased; the part after the last "@". */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Whether an email may create its own account: its domain is listed exactly. Subdomains are not included — a
 * listed "example.org" does not let "mail.example.org" in, since another party may run it.
 */
export function isSelfSignUpAllowed(email: string, domains: readonly string[]): boolean {
  return domains.includes(emailDomain(email));
}

/** An admin's list as typed (one per line, or separated by commas or spaces), trimmed, lower-cased, without "@". */
export function splitDomainList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((entry) => entry.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase())
        .filter(Boolean),
    ),
  ];
}
