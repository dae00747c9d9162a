"use client";

import type { MouseEvent, ReactElement, ReactNode } from "react";

import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/** The navigation sheet itself, loaded when the menu button is first pressed (decision 023). */
export function MobileNavSheet({
  open,
  onOpenChange,
  trigger,
  brand,
  label,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: ReactElement;
  brand: ReactNode;
  label: string;
  children: ReactNode;
}) {
  function closeOnLinkClick(event: MouseEvent<HTMLElement>) {
    if (event.target instanceof Element && event.target.closest("a[href]")) onOpenChange(false);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent variant="sheet" aria-describedby={undefined} closeLabel="Close menu">
        <DialogTitle className="sr-only">{label}</DialogTitle>
        <div className="flex h-8 min-w-0 items-center pr-10">{brand}</div>
        <div onClick={closeOnLinkClick}>{children}</div>
      </DialogContent>
    </Dialog>
  );
}
