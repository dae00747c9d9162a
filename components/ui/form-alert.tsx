import { CircleAlert } from "@/components/ui/icons/circle-alert";
import type { ReactNode } from "react";

/** A form-level message (conflict, refusal) announced to screen readers when it appears. */
export function FormAlert({ children, tone = "danger" }: { children: ReactNode; tone?: "danger" | "warning" }) {
  const tones = {
    danger: "border-status-danger-border bg-status-danger-subtle text-status-danger-fg",
    warning: "border-status-warning-border bg-status-warning-subtle text-status-warning-fg",
  };
  return (
    <p role="alert" className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
