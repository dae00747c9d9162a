import { isUuid } from "@/lib/ids";

/** A position in a newest-first list ordered by (created_at DESC, id DESC), for keyset pagination. */
export type KeysetCursor = { createdAt: Date; id: string };

/** "<milliseconds>.<uuid>": opaque in URLs, and cheap to check on the way back in. */
export function encodeCursor({ createdAt, id }: KeysetCursor): string {
  return `${createdAt.getTime()}.${id}`;
}

/** The cursor in a URL parameter, or null for anything that is not one (never an exception). */
export function parseCursor(value: string): KeysetCursor | null {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(value);
  if (!match || !isUuid(match[2])) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]!.toLowerCase() };
}
