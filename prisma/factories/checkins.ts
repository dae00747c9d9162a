import { db } from "@/lib/db";

/** A comment on a check-in (a mentor's, or the learner's reply). */
export async function createCheckinComment({
  checkinId,
  authorId,
  body = "Nice week. What would you cut if you had half the time?",
  at = new Date(),
}: {
  checkinId: string;
  authorId: string;
  body?: string;
  at?: Date;
}) {
  return db.checkinComment.create({ data: { checkinId, authorId, body, createdAt: at } });
}
