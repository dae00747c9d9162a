import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

// A plain <label>: `select-none` already keeps a double click from selecting its text, which is all Radix's Label
// added, and a plain element ships no JavaScript.
export function Label({ className, ...props }: ComponentProps<"label">) {
  return (
    <label
      className={cn(
        "text-sm leading-5 font-medium text-foreground select-none peer-disabled:cursor-not-allowed peer-disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
