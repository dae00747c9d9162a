import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";

import { THEME_COOKIE, parseTheme } from "@/components/layout/theme";
import { Toaster } from "@/components/ui/toast";

// Inter, served from Cairn itself: no font CDN at build or run time (decision 054).
import "@fontsource-variable/inter/wght.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cairn", template: "%s · Cairn" },
  description: "A learning roadmap for mentors and cohorts.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body>
        {children}
        <Toaster />
      </body>
    </html>
  );
}
