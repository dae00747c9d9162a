"use client";

import { Pencil } from "@/components/ui/icons/pencil";
import { Trash2 } from "@/components/ui/icons/trash-2";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import {
  addPrivateNoteAction,
  deletePrivateNoteAction,
  updatePrivateNoteAction,
} from "@/lib/features/progress/actions";
import { TextEntryForm } from "@/lib/features/progress/components/text-entry-form";
import type { PrivateNoteView } from "@/lib/features/progress/types";

/** Notes only the learner ever sees; plain text, shown as written. */
export function PrivateNotes({ cohortId, itemKey, notes }: { cohortId: string; itemKey: string; notes: PrivateNoteView[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const deleting = useAction({ unreachable: "Cairn could not be reached.", fields: false });
  return (
    <div className="grid gap-3">
      {notes.length === 0 ? <p className="text-sm text-muted-foreground">No notes yet.</p> : null}
      <ul className="grid gap-2">
        {notes.map((note) =>
          editing === note.id ? (
            <li key={note.id}>
              <TextEntryForm
                label="Edit note"
                submitLabel="Save note"
                successMessage="Note saved."
                initialValue={note.body}
                onSave={(body) => updatePrivateNoteAction({ cohortId, noteId: note.id, body })}
                onDone={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={note.id} className="flex items-start gap-2 rounded-lg border border-border p-3">
              <p className="min-w-0 flex-1 text-sm break-words whitespace-pre-wrap">{note.body}</p>
              <Button variant="ghost" size="icon" aria-label="Edit note" onClick={() => setEditing(note.id)}>
                <Pencil aria-hidden />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label="Delete note"
                onClick={async () => {
                  const result = await deleting.run(() => deletePrivateNoteAction({ cohortId, noteId: note.id }));
                  if (result?.ok) router.refresh();
                }}
              >
                <Trash2 aria-hidden />
              </Button>
            </li>
          ),
        )}
      </ul>
      <TextEntryForm
        label="New private note"
        hint="Only you can see your notes."
        submitLabel="Add note"
        successMessage="Note added."
        onSave={(body) => addPrivateNoteAction({ cohortId, itemKey, body })}
      />
    </div>
  );
}
