import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SETTINGS_SECTIONS } from "@/lib/features/account/constants";

type SectionId = (typeof SETTINGS_SECTIONS)[number]["id"];

/** One section of Settings, titled from SETTINGS_SECTIONS so the page's navigation and headings agree. */
export function SettingsSection({ id, description, children }: { id: SectionId; description: ReactNode; children: ReactNode }) {
  const label = SETTINGS_SECTIONS.find((section) => section.id === id)?.label;
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-20">
      <Card>
        <CardHeader>
          <CardTitle as="h2" id={`${id}-heading`}>
            {label}
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </section>
  );
}
