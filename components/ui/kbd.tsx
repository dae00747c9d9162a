import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

/** A keyboard key or shortcut hint: `<Kbd>j</Kbd>`, `<Kbd>?</Kbd>`. */
export function Kbd({ className, ...props }: ComponentProps<"kbd">) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded-sm border border-border border-b-2 bg-surface-muted px-1 font-mono text-[0.6875rem] leading-none font-medium text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}
