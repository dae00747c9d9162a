import { Briefcase } from "@/components/ui/icons/briefcase";
import { CalendarCheck } from "@/components/ui/icons/calendar-check";
import { CalendarClock } from "@/components/ui/icons/calendar-clock";
import { ChartSpline } from "@/components/ui/icons/chart-spline";
import { Inbox } from "@/components/ui/icons/inbox";
import { KeyRound } from "@/components/ui/icons/key-round";
import { LockKeyhole } from "@/components/ui/icons/lock-keyhole";
import { Mail } from "@/components/ui/icons/mail";
import { Map } from "@/components/ui/icons/map";
import { Route } from "@/components/ui/icons/route";
import { ScrollText } from "@/components/ui/icons/scroll-text";
import { Send } from "@/components/ui/icons/send";
import { Shield } from "@/components/ui/icons/shield";
import { UserCog } from "@/components/ui/icons/user-cog";
import { Users } from "@/components/ui/icons/users";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell, type AppShellNavItem } from "@/components/layout/app-shell";
import { THEME_COOKIE, parseTheme } from "@/components/layout/theme";
import { Wordmark } from "@/components/layout/wordmark";
import { requireViewer } from "@/lib/auth/viewer";
import { NotificationBell } from "@/lib/features/notifications/components/notification-bell";
import { loadNotificationBell } from "@/lib/features/notifications/loaders";
import { UserMenu } from "@/lib/features/users/components/user-menu";
import { loadNavAreas } from "@/lib/features/users/loaders";

const NAV: Record<"learner" | "mentor" | "admin", AppShellNavItem[]> = {
  learner: [
    { href: "/roadmap", label: "Roadmap", icon: Map },
    { href: "/portfolio", label: "Portfolio", icon: Briefcase },
    { href: "/check-ins", label: "Check-ins", icon: CalendarCheck },
    { href: "/progress", label: "My progress", icon: ChartSpline },
  ],
  mentor: [
    { href: "/reviews", label: "Review queue", icon: Inbox },
    { href: "/cohorts", label: "Cohorts", icon: Users },
  ],
  admin: [
    { href: "/admin", label: "Admin", icon: Shield, exact: true },
    { href: "/admin/roadmaps", label: "Roadmaps", icon: Route },
    { href: "/admin/cohorts", label: "All cohorts", icon: Users },
    { href: "/admin/users", label: "Users", icon: UserCog },
    { href: "/admin/sign-in", label: "Sign-in methods", icon: LockKeyhole },
    { href: "/admin/tokens", label: "API tokens", icon: KeyRound },
    { href: "/admin/webhooks", label: "Webhooks", icon: Send },
    { href: "/admin/outbox", label: "Outbox", icon: Mail },
    { href: "/admin/jobs", label: "Jobs", icon: CalendarClock },
    { href: "/admin/audit", label: "Audit log", icon: ScrollText },
  ],
};

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const [areas, cookieStore, bell] = await Promise.all([loadNavAreas(viewer), cookies(), loadNotificationBell(viewer)]);
  return (
    <AppShell
      brand={
        <Link href="/" className="rounded-sm text-base">
          <Wordmark />
        </Link>
      }
      nav={areas.flatMap((area) => NAV[area])}
      theme={parseTheme(cookieStore.get(THEME_COOKIE)?.value)}
      userMenu={
        <>
          <NotificationBell initial={bell} />
          <UserMenu name={viewer.name} email={viewer.email} />
        </>
      }
    >
      {children}
    </AppShell>
  );
}
