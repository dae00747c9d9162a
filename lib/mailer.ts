import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { parseEnv } from "@/lib/env";

// Outgoing mail through the SMTP server in SMTP_URL (nodemailer). Read from the environment on each use rather than
// cached, so a test can point Cairn at the SMTP server it started; parsing it costs microseconds.

export type MailSettings = { smtpUrl: string; from: string };

/** The SMTP settings, or null when mail is off (no SMTP_URL): then mail waits in Admin → Outbox as "not sent". */
export function mailSettings(): MailSettings | null {
  const { SMTP_URL, MAIL_FROM, NEXTAUTH_URL } = parseEnv();
  if (!SMTP_URL) return null;
  const host = NEXTAUTH_URL ? new URL(NEXTAUTH_URL).hostname : "localhost";
  return { smtpUrl: SMTP_URL, from: MAIL_FROM ?? `Cairn <cairn@${host}>` };
}

export function mailConfigured(): boolean {
  return mailSettings() !== null;
}

/** The public address of Cairn that links in mail point to. */
export function publicBaseUrl(): string {
  const { NEXTAUTH_URL, PORT } = parseEnv();
  return (NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

const transports = new Map<string, Transporter>();

function transportFor(settings: MailSettings): Transporter {
  let transport = transports.get(settings.smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(settings.smtpUrl, {
      // A mail server that does not answer must fail the attempt, not hold a job for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(settings.smtpUrl, transport);
  }
  return transport;
}

/** Hands one mail to the SMTP server; throws with the server's answer when it refuses or cannot be reached. */
export async function sendMail(settings: MailSettings, mail: OutgoingMail): Promise<void> {
  await transportFor(settings).sendMail({ from: settings.from, ...mail });
}
