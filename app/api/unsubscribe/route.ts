// POST /api/unsubscribe?u=&k=&t= — RFC 8058 one-click unsubscribe (mail clients) and the form on /unsubscribe:
// switches one kind of e-mail off for the person the signed link names. 200 (or 303 back to the page), 400 when the
// link is not valid.
import { NextResponse, type NextRequest } from "next/server";
import { unsubscribeByLink } from "@/lib/features/mail/commands";

export async function POST(request: NextRequest) {
  const query = Object.fromEntries(request.nextUrl.searchParams);
  const done = await unsubscribeByLink(query);
  const form = await request.formData().catch(() => null);
  if (form?.get("from") === "page") {
    const outcome = new URLSearchParams(done ? { done: query.k! } : { invalid: "1" });
    return new NextResponse(null, { status: 303, headers: { location: `/unsubscribe?${outcome.toString()}`, "cache-control": "no-store" } });
  }
  return new NextResponse(done ? "Unsubscribed.\n" : "This unsubscribe link is not valid.\n", {
    status: done ? 200 : 400,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
