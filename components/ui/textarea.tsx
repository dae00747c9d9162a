import type { ComponentProps } from "react";

import { controlVariants, type ControlProps } from "@/components/ui/input";
import { cn } from "@/lib/cn";

/**
 * `grow`: the field starts one row tall and grows with what is typed, up to 12rem (4rem at least from `md`), instead
 * of starting four rows tall — for a comment box in a bar that should stay small until it is used.
 */
export function Textarea({
  className,
  rows = 4,
  textSize,
  grow = false,
  ...props
}: ComponentProps<"textarea"> & Pick<ControlProps, "textSize"> & { grow?: boolean }) {
  return (
    <textarea
      rows={rows}
      className={cn(
        controlVariants({ textSize }),
        "block resize-y py-2",
        grow ? "max-h-48 min-h-9 field-sizing-content md:min-h-16" : "min-h-20",
        className,
      )}
      {...props}
    />
  );
}
