"use client";

import { ShortcutsDialog as Shortcuts } from "@/components/ui/shortcuts-dialog";
import { REVIEW_SHORTCUTS } from "@/lib/features/reviews/constants";

/** The review screen's `?` overlay: every shortcut of the screen in one list. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return <Shortcuts shortcuts={REVIEW_SHORTCUTS} open={open} onOpenChange={onOpenChange} />;
}
