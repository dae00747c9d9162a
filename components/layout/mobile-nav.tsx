"use client";

import { usePathname } from "next/navigation";
import { lazy, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";

const MobileNavSheet = lazy(() =>
  import("@/components/layout/mobile-nav-sheet").then((module) => ({ default: module.MobileNavSheet })),
);

/** The menu button and slide-in sheet that carry the navigation on narrow screens; `icon` is the button's. */
export function MobileNav({
  brand,
  icon,
  label = "Menu",
  children,
}: {
  brand: ReactNode;
  icon: ReactNode;
  label?: string;
  children: ReactNode;
}) {
  const pathname = usePathname() ?? "";
  // Remembering where the sheet was opened closes it after any navigation without an effect.
  const [openedAt, setOpenedAt] = useState<string | null>(null);

  const trigger = (
    <Button variant="ghost" size="icon" aria-label={label} className="-ml-2">
      {icon}
    </Button>
  );
  return (
    <DeferredPopup trigger={trigger} kind="dialog" onOpen={() => setOpenedAt(pathname)}>
      <MobileNavSheet
        open={openedAt === pathname}
        onOpenChange={(next) => setOpenedAt(next ? pathname : null)}
        trigger={trigger}
        brand={brand}
        label={label}
      >
        {children}
      </MobileNavSheet>
    </DeferredPopup>
  );
}
