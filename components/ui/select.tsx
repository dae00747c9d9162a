import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";

import { controlClasses } from "@/components/ui/input";
import { cn } from "@/lib/cn";

/**
 * A styled native <select>: the platform picker is the most usable one on phones and it submits with plain forms.
 * `className` styles the <select>; `wrapperClassName` sizes the box around it.
 */
export function Select({
  className,
  wrapperClassName,
  children,
  ...props
}: ComponentProps<"select"> & { wrapperClassName?: string }) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select
        className={cn(controlClasses, "h-9 cursor-pointer appearance-none py-1 pr-9 disabled:cursor-not-allowed", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
