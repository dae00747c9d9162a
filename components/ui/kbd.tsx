import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

const kbdVariants = cva(
  "h-5 min-w-5 items-center justify-center rounded-sm border border-b-2 px-1 font-mono text-[0.6875rem] leading-none font-medium",
  {
    variants: {
      tone: {
        muted: "border-border bg-surface-muted text-muted-foreground",
        /** On a primary (accent) button. */
        accent: "border-accent-foreground/40 bg-transparent text-accent-foreground",
      },
      /** `md`: shown from the `md` breakpoint on, where a keyboard is likely; hidden on phones. */
      from: {
        always: "inline-flex",
        md: "hidden md:inline-flex",
      },
    },
    defaultVariants: { tone: "muted", from: "always" },
  },
);

/** A keyboard key or shortcut hint: `<Kbd>j</Kbd>`, `<Kbd>?</Kbd>`. */
export function Kbd({ className, tone, from, ...props }: ComponentProps<"kbd"> & VariantProps<typeof kbdVariants>) {
  return <kbd className={cn(kbdVariants({ tone, from }), className)} {...props} />;
}
