"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { createSavedReplyAction } from "@/lib/features/reviews/actions";
import type { SavedReplyView } from "@/lib/features/reviews/types";

/**
 * The saved replies above the comment box: a combobox that filters them by title as one types, arrows to move,
 * Enter (or a click) inserts the reply at the box's cursor, Escape closes. Below it, the comment box can be saved
 * as a new reply; renaming and deleting live in Settings. Mounted while open, so each opening starts afresh.
 */
export function SavedReplyPicker({
  replies,
  comment,
  onInsert,
  onClose,
}: {
  replies: SavedReplyView[];
  comment: string;
  onInsert: (body: string) => void;
  onClose: () => void;
}) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [title, setTitle] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const saving = useAction({ unreachable: "Cairn could not be reached. The reply was not saved.", fields: ["title"] });

  const needle = query.trim().toLowerCase();
  const shown = needle === "" ? replies : replies.filter((reply) => reply.title.toLowerCase().includes(needle));
  const current = Math.min(active, shown.length - 1);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((Math.max(current, 0) + step + shown.length) % shown.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const reply = shown[current];
      if (reply) onInsert(reply.body);
    }
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    const result = await saving.run(() => createSavedReplyAction({ title, body: comment }));
    if (!result?.ok) return;
    toast({ title: `Saved “${result.data.title}” to your replies.`, variant: "success" });
    setTitle("");
    router.refresh();
  }

  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <div
      role="dialog"
      aria-label="Saved replies"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
      className="absolute inset-x-0 bottom-full z-20 mb-2 grid max-h-[70vh] gap-3 overflow-y-auto rounded-xl border border-border bg-surface p-3 shadow-lg md:left-auto md:w-[28rem]"
    >
      <div className="grid gap-1.5">
        <Input
          ref={searchRef}
          role="combobox"
          aria-label="Find a saved reply"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          placeholder="Type to filter by title…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onSearchKey}
        />
        <ul id={listId} role="listbox" aria-label="Your saved replies" className="grid max-h-56 gap-0.5 overflow-y-auto empty:hidden">
          {shown.map((reply, index) => (
            <li
              key={reply.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              // Keeps the focus in the search box, so the cursor position in the comment box is not lost.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onInsert(reply.body)}
              onMouseMove={() => setActive(index)}
              className="grid cursor-pointer gap-0.5 rounded-md px-2 py-1.5 text-sm aria-selected:bg-surface-muted"
            >
              <span className="font-medium">{reply.title}</span>
              <span className="truncate text-xs text-muted-foreground">{reply.body}</span>
            </li>
          ))}
        </ul>
        {shown.length === 0 ? (
          <p className="px-2 text-sm text-muted-foreground">
            {replies.length === 0 ? "No saved replies yet: write a comment, then save it below." : `No saved reply’s title contains “${query.trim()}”.`}
          </p>
        ) : (
          <p className="px-2 text-xs text-muted-foreground">↑ ↓ to choose, Enter inserts at the cursor, Esc closes.</p>
        )}
      </div>
      <form onSubmit={onSave} noValidate className="grid gap-2 border-t border-border pt-3">
        <Field label="Save the comment box as a reply" hint="A short title to find it by." errors={saving.fieldErrors.title}>
          <Input value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button type="submit" size="sm" variant="secondary" loading={saving.pending}>
            Save reply
          </Button>
          <Link href="/settings#saved-replies" className="text-xs text-accent underline underline-offset-2">
            Rename or delete them in Settings
          </Link>
        </div>
      </form>
    </div>
  );
}
