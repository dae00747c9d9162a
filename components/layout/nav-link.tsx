"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

import { cn } from "@/lib/cn";

export function isActivePath(pathname: string, href: string, exact = false) {
  if (exact || href === "/") return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

const VARIANTS = {
  sidebar: "rounded-md px-2.5 hover:bg-surface-muted aria-[current=page]:bg-accent-subtle aria-[current=page]:text-accent",
  tab: "border-b-2 border-transparent px-3 aria-[current=page]:border-accent aria-[current=page]:text-foreground",
} as const;

/**
 * A navigation link that marks itself with aria-current="page" on its page and the pages below it: a row of the
 * sidebar, or (`variant="tab"`) one of a page's tabs, underlined while current.
 */
export function NavLink({
  href,
  exact = false,
  variant = "sidebar",
  children,
}: {
  href: string;
  exact?: boolean;
  variant?: keyof typeof VARIANTS;
  children: ReactNode;
}) {
  const pathname = usePathname() ?? "";
  const active = isActivePath(pathname, href, exact);

  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex h-9 min-w-0 items-center gap-2.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
        VARIANTS[variant],
        "[&_svg]:size-4 [&_svg]:shrink-0",
      )}
    >
      {children}
    </Link>
  );
}
