import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

export const controlVariants = cva(
  [
    "min-w-0 rounded-md border border-border-strong px-3 shadow-xs",
    "placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-50",
    "aria-invalid:border-status-danger",
  ],
  {
    variants: {
      // 16px text below `sm` stops iOS Safari from zooming the page when a field is focused.
      textSize: {
        md: "text-base sm:text-sm",
        /** 14px everywhere, for a read-only value to copy. */
        sm: "text-sm",
        /** Source text (Markdown, roadmap files): 13px below `sm`, 14px from `sm` on. */
        code: "text-[0.8125rem] sm:text-sm",
      },
      tone: {
        default: "bg-surface text-foreground",
        /** A value that cannot be changed here, such as a locked key. */
        locked: "bg-surface-muted text-muted-foreground",
      },
      fullWidth: {
        true: "w-full",
        false: null,
      },
    },
    defaultVariants: { textSize: "md", tone: "default", fullWidth: true },
  },
);

export type ControlProps = VariantProps<typeof controlVariants>;

/** `fullWidth={false}` leaves the width to `className` (`w-28`); by default a field fills its column. */
export function Input({ className, type = "text", textSize, tone, fullWidth, ...props }: ComponentProps<"input"> & ControlProps) {
  return (
    <input
      type={type}
      className={cn(
        controlVariants({ textSize, tone, fullWidth }),
        "h-9 py-1",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
