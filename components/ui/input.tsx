import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

// 16px text below `sm` stops iOS Safari from zooming the page when a field is focused.
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-border-strong bg-surface px-3 text-base text-foreground shadow-xs sm:text-sm",
  "placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-50",
  "aria-invalid:border-status-danger",
);

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        "h-9 py-1",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
