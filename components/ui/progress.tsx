import { cva, type VariantProps } from "class-variance-authority";
import { useId, type ReactNode } from "react";

import { cn } from "@/lib/cn";

const indicatorVariants = cva("h-full rounded-full transition-[width] duration-300 ease-out", {
  variants: {
    tone: {
      accent: "bg-accent",
      info: "bg-status-info",
      success: "bg-status-success",
      warning: "bg-status-warning",
      danger: "bg-status-danger",
    },
  },
  defaultVariants: { tone: "accent" },
});

export type ProgressProps = VariantProps<typeof indicatorVariants> & {
  value: number;
  max?: number;
  /** The accessible name ("Phase 2 progress"); shown above the bar unless `hideLabel`. */
  label: ReactNode;
  /** Spoken and shown value, e.g. "3 of 8 milestones"; defaults to a percentage. */
  valueText?: string;
  /** Keep the label for screen readers only (the bar still has a name). */
  hideLabel?: boolean;
  size?: "sm" | "md";
  className?: string;
};

export function Progress({ value, max = 100, label, valueText, hideLabel = false, size = "md", tone, className }: ProgressProps) {
  const labelId = useId();
  const clamped = Math.min(Math.max(value, 0), max);
  const percent = max > 0 ? Math.round((clamped / max) * 100) : 0;
  const text = valueText ?? `${percent}%`;
  // A bar with nothing to count (max 0) reads as 0 of 100, as Radix's Progress, which this replaced, had it.
  const barMax = max > 0 ? max : 100;

  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className={cn("flex items-baseline justify-between gap-3 text-sm", hideLabel && "sr-only")}>
        <span id={labelId} className="min-w-0 truncate font-medium">
          {label}
        </span>
        <span aria-hidden className="shrink-0 text-muted-foreground tabular-nums">
          {text}
        </span>
      </div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={barMax}
        aria-valuenow={clamped}
        aria-labelledby={labelId}
        aria-valuetext={text}
        className={cn(
          "relative w-full overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset",
          size === "sm" ? "h-1.5" : "h-2",
        )}
      >
        <div className={indicatorVariants({ tone })} style={{ width: `${max > 0 ? (clamped / max) * 100 : 0}%` }} />
      </div>
    </div>
  );
}
