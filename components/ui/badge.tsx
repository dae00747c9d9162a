import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps, ComponentType, ReactNode, SVGProps } from "react";

import { cn } from "@/lib/cn";

export const badgeVariants = cva(
  "inline-flex max-w-full shrink-0 items-center rounded-full border py-0.5 text-xs leading-4 font-medium whitespace-nowrap [&_svg]:size-3.5 [&_svg]:shrink-0",
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
    /** A lucide icon component (e.g. `icon={CircleCheck}`), drawn before the text and hidden from screen readers. */
    icon?: ComponentType<SVGProps<SVGSVGElement>>;
  };

export function Badge({ className, variant, size, icon: Icon, children, ...props }: BadgeProps) {
  return (
    <span className={cn(badgeVariants({ variant, size }), className)} {...props}>
      {Icon ? <Icon aria-hidden /> : null}
      <span className="truncate">{children}</span>
    </span>
  );
}
