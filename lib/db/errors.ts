import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A unique index refused a write: Prisma's P2002 for its own queries, or PostgreSQL's 23505 inside a raw statement
 * (which Prisma reports as a failed raw query, P2010, with the driver's error attached).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return error.code === "P2010" && cause?.originalCode === "23505";
}
