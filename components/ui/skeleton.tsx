import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

/** A placeholder block; hidden from assistive tech, so mark the loading region with aria-busy instead. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden className={cn("animate-shimmer rounded-md bg-surface-muted", className)} {...props} />;
}
