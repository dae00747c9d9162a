import type { ComponentType, ReactNode, SVGProps } from "react";

import { MobileNav } from "@/components/layout/mobile-nav";
import { NavLink } from "@/components/layout/nav-link";
import { SkipLink } from "@/components/layout/skip-link";
import type { Theme } from "@/components/layout/theme";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { Menu } from "@/components/ui/icons/menu";
import { Monitor } from "@/components/ui/icons/monitor";
import { Moon } from "@/components/ui/icons/moon";
import { Sun } from "@/components/ui/icons/sun";
import { cn } from "@/lib/cn";

// Drawn here, on the server, and handed to the client components that show them (decision 044).
const THEME_ICONS = { light: <Sun aria-hidden />, dark: <Moon aria-hidden />, system: <Monitor aria-hidden /> };

export type AppShellNavItem = {
  href: string;
  label: string;
  /** A lucide icon component, e.g. `Inbox`. */
  icon?: ComponentType<SVGProps<SVGSVGElement>>;
  /** Only mark active on this exact path (default: this path and the paths below it). */
  exact?: boolean;
};

export type AppShellProps = {
  /** Product name or logo, usually a link home; shown in the sidebar, the phone top bar and the phone menu. */
  brand: ReactNode;
  nav: AppShellNavItem[];
  /** Rendered top-right (e.g. a DropdownMenu with the person's name and "Sign out"). */
  userMenu?: ReactNode;
  /** The theme the server rendered from the cookie, so the toggle's icon is right on first paint. */
  theme?: Theme;
  /** Accessible name of the navigation landmark. */
  navLabel?: string;
  children: ReactNode;
};

function NavList({ items, className }: { items: AppShellNavItem[]; className?: string }) {
  return (
    <ul className={cn("grid gap-0.5", className)}>
      {items.map(({ href, label, icon: Icon, exact }) => (
        <li key={href} className="min-w-0">
          <NavLink href={href} exact={exact}>
            {Icon ? <Icon aria-hidden /> : null}
            <span className="truncate">{label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * Responsive frame for signed-in pages. From `lg` up the navigation is a fixed left sidebar; below it a compact
 * top bar with a menu button opens the same links in a sheet. Domain-agnostic: everything specific comes in props.
 */
export function AppShell({ brand, nav, userMenu, theme, navLabel = "Main", children }: AppShellProps) {
  return (
    <div className="min-h-dvh">
      <SkipLink />

      <aside className="fixed inset-y-0 left-0 z-30 hidden w-sidebar flex-col border-r border-border bg-surface lg:flex">
        <div className="flex h-topbar min-w-0 shrink-0 items-center px-4">{brand}</div>
        <nav aria-label={navLabel} className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
          <NavList items={nav} />
        </nav>
      </aside>

      <div className="flex min-h-dvh min-w-0 flex-col lg:pl-sidebar">
        <header className="sticky top-0 z-20 flex h-topbar shrink-0 items-center gap-2 border-b border-border bg-background/90 px-page backdrop-blur-sm lg:px-page-lg">
          <div className="flex min-w-0 items-center gap-1 lg:hidden">
            <MobileNav brand={brand} icon={<Menu aria-hidden className="size-5" />}>
              <nav aria-label={navLabel}>
                <NavList items={nav} />
              </nav>
            </MobileNav>
            <div className="min-w-0">{brand}</div>
          </div>
          <div className="ml-auto flex min-w-0 items-center gap-1">
            <ThemeToggle initialTheme={theme} icons={THEME_ICONS} />
            {userMenu}
          </div>
        </header>

        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-content min-w-0 flex-1 px-page py-6 focus-visible:outline-none lg:px-page-lg lg:py-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
