"use client";

import { Menu } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState, type MouseEvent, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/** The menu button and slide-in sheet that carry the navigation on narrow screens. */
export function MobileNav({ brand, label = "Menu", children }: { brand: ReactNode; label?: string; children: ReactNode }) {
  const pathname = usePathname() ?? "";
  // Remembering where the sheet was opened closes it after any navigation without an effect.
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const open = openedAt === pathname;

  function closeOnLinkClick(event: MouseEvent<HTMLElement>) {
    if (event.target instanceof Element && event.target.closest("a[href]")) setOpenedAt(null);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => setOpenedAt(next ? pathname : null)}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="-ml-2">
          <Menu aria-hidden className="size-5" />
        </Button>
      </DialogTrigger>
      <DialogContent variant="sheet" aria-describedby={undefined} closeLabel="Close menu" className="gap-3">
        <DialogTitle className="sr-only">{label}</DialogTitle>
        <div className="flex h-8 min-w-0 items-center pr-10">{brand}</div>
        <div onClick={closeOnLinkClick}>{children}</div>
      </DialogContent>
    </Dialog>
  );
}
