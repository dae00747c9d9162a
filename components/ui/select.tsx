import { ChevronDown } from "@/components/ui/icons/chevron-down";
import type { ComponentProps, ReactNode } from "react";

import { controlVariants } from "@/components/ui/input";
import { cn } from "@/lib/cn";

export type SelectOption = { value: string | number; label: ReactNode };

/**
 * A styled native <select>: the platform picker is the most usable one on phones and it submits with plain forms.
 * `className` styles the <select>; `wrapperClassName` sizes the box around it. `options` are listed after any
 * `children` (a leading "Any…" choice, say), so a list from data needs no hand-written <option> loop.
 */
export function Select({
  className,
  wrapperClassName,
  options,
  children,
  ...props
}: ComponentProps<"select"> & { wrapperClassName?: string; options?: readonly SelectOption[] }) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select
        className={cn(controlVariants(), "h-9 cursor-pointer appearance-none py-1 pr-9 disabled:cursor-not-allowed", className)}
        {...props}
      >
        {children}
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
