import { z } from "zod";
import { NotificationType } from "@/lib/generated/prisma/enums";

/** The query of an unsubscribe link (`?u=&k=&t=`): who, which kind, and the signature binding the two. */
export const unsubscribeQuerySchema = z.object({
  u: z.uuid(),
  k: z.enum(NotificationType),
  t: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export type UnsubscribeQuery = z.infer<typeof unsubscribeQuerySchema>;

/** Admin → Outbox: `?before=<mail id>` pages back; `?status=` narrows. Anything else is ignored. */
export const outboxQuerySchema = z.object({
  before: z.uuid().optional().catch(undefined),
  status: z.enum(["pending", "sent", "failed", "unsent"]).optional().catch(undefined),
});
