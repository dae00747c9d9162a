"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { deleteSavedReplyAction, renameSavedReplyAction } from "@/lib/features/reviews/actions";
import type { SavedReplyView } from "@/lib/features/reviews/types";

/** One saved reply in Settings: its title can be changed, the reply deleted. */
function SavedReplyRow({ reply }: { reply: SavedReplyView }) {
  const router = useRouter();
  const renaming = useAction({ unreachable: "Cairn could not be reached. The title is unchanged.", fields: ["title"] });
  const deleting = useAction({ unreachable: "Cairn could not be reached. The reply was not deleted." });

  async function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    const result = await renaming.run(() => renameSavedReplyAction({ id: reply.id, title }));
    if (!result?.ok) return;
    toast({ title: `Renamed to “${result.data.title}”.`, variant: "success" });
    router.refresh();
  }

  async function onDelete() {
    const result = await deleting.run(() => deleteSavedReplyAction({ id: reply.id }));
    if (!result?.ok) return;
    toast({ title: `Deleted “${reply.title}”.`, variant: "success" });
    router.refresh();
  }

  return (
    <li aria-label={reply.title} className="grid gap-2 border-t border-border pt-3 first:border-t-0 first:pt-0">
      <form onSubmit={onRename} noValidate className="flex flex-wrap items-end gap-2">
        <Field label="Title" errors={renaming.fieldErrors.title} className="min-w-48 grow">
          <Input name="title" defaultValue={reply.title} />
        </Field>
        <Button type="submit" size="sm" variant="secondary" loading={renaming.pending}>
          Rename
        </Button>
        <Button type="button" size="sm" variant="ghost" loading={deleting.pending} onClick={onDelete} aria-label={`Delete “${reply.title}”`}>
          Delete
        </Button>
      </form>
      <p className="line-clamp-3 text-sm whitespace-pre-line text-muted-foreground">{reply.body}</p>
    </li>
  );
}

/** Settings → Saved replies: the replies a reviewer inserts into the review screen's comment box with `/`. */
export function SavedRepliesSettings({ replies }: { replies: SavedReplyView[] }) {
  if (replies.length === 0) {
    return <p className="text-sm text-muted-foreground">None yet. On a review, write a comment, press / and save it as a reply.</p>;
  }
  return (
    <ul className="grid gap-3">
      {replies.map((reply) => (
        <SavedReplyRow key={`${reply.id}:${reply.title}`} reply={reply} />
      ))}
    </ul>
  );
}
