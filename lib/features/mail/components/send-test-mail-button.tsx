"use client";

import { Send } from "@/components/ui/icons/send";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { sendTestMailAction } from "@/lib/features/mail/actions";

/** Admin → Outbox: one mail to the admin's own address, so a new install can prove its mail works. */
export function SendTestMailButton() {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached; no test e-mail was queued." });

  async function send() {
    const result = await run(() => sendTestMailAction());
    if (!result?.ok) return;
    toast({ title: `Test e-mail queued to ${result.data.to}`, description: "It shows in the list below; its status changes once it is sent." });
    router.refresh();
  }

  return (
    <Button variant="secondary" size="sm" loading={pending} onClick={send}>
      {pending ? null : <Send aria-hidden />}
      Send a test e-mail
    </Button>
  );
}
