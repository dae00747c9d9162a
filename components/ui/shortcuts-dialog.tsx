"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";

export type Shortcut = { readonly keys: readonly string[]; readonly text: string };

/** The `?` overlay of a screen with single-key shortcuts: every one of them in one list. */
export function ShortcutsDialog({
  shortcuts,
  open,
  onOpenChange,
}: {
  shortcuts: readonly Shortcut[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Single keys work whenever you are not typing in a field.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-4 gap-y-2 text-sm">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.keys.join("+")} className="contents">
              <dt className="flex items-center gap-1">
                {shortcut.keys.map((key, index) => (
                  <span key={key} className="inline-flex items-center gap-1">
                    {index > 0 ? <span aria-hidden>+</span> : null}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </dt>
              <dd>{shortcut.text}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
