"use client";

import { ShortcutsDialog } from "@/components/ui/shortcuts-dialog";

// Kept beside the dialog rather than in constants.ts: it loads with the dialog, not with the roadmap (decision 023).
const ROADMAP_SHORTCUTS = [
  { keys: ["j"], text: "Select the next milestone (opens a folded phase)" },
  { keys: ["k"], text: "Select the previous milestone" },
  { keys: ["Enter"], text: "Open the selected milestone" },
  { keys: ["x"], text: "Mark the selected milestone done, or not done" },
  { keys: ["?"], text: "Show these shortcuts" },
] as const;

/** The roadmap's `?` overlay. */
export function RoadmapShortcuts({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return <ShortcutsDialog shortcuts={ROADMAP_SHORTCUTS} open={open} onOpenChange={onOpenChange} />;
}
