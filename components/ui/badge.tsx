import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps, ReactNode } from "react";

import { Glyph, type GlyphName } from "@/components/ui/glyph";
import { cn } from "@/lib/cn";

export const badgeVariants = cva(
  "inline-flex max-w-full shrink-0 items-center rounded-full border py-0.5 text-xs leading-4 font-medium whitespace-nowrap",
  {
    variants: {
      variant: {
        neutral: "border-status-neutral-border bg-status-neutral-subtle text-status-neutral-fg",
        info: "border-status-info-border bg-status-info-subtle text-status-info-fg",
        warning: "border-status-warning-border bg-status-warning-subtle text-status-warning-fg",
        danger: "border-status-danger-border bg-status-danger-subtle text-status-danger-fg",
        success: "border-status-success-border bg-status-success-subtle text-status-success-fg",
        outline: "border-border-strong bg-transparent text-foreground",
      },
      size: {
        md: "gap-1 px-2",
        /** Narrower below `sm`, where the matrix's name column has little room. */
        compact: "gap-0.5 px-1 sm:gap-1 sm:px-1.5",
      },
    },
    defaultVariants: { variant: "neutral", size: "md" },
  },
);

export type BadgeProps = Omit<ComponentProps<"span">, "children"> &
  VariantProps<typeof badgeVariants> & {
    /** The visible text; status is never shown by colour alone. */
    children: ReactNode;
    /** A glyph drawn before the text (e.g. `icon="circle-check"`), hidden from screen readers. */
    icon?: GlyphName;
  };

export function Badge({ className, variant, size, icon, children, ...props }: BadgeProps) {
  return (
    <span className={cn(badgeVariants({ variant, size }), className)} {...props}>
      {icon ? <Glyph name={icon} className="size-3.5" /> : null}
      <span className="truncate">{children}</span>
    </span>
  );
}
