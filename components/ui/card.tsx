import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("rounded-xl border border-border bg-surface text-foreground shadow-xs", className)} {...props} />;
}

/** `layout="row"`: the title and something beside it (a badge, an action), wrapping on narrow screens; give it a gap. */
export function CardHeader({ className, layout = "stack", ...props }: ComponentProps<"div"> & { layout?: "stack" | "row" }) {
  return (
    <div
      className={cn("p-4 pb-0 sm:p-5 sm:pb-0", layout === "row" ? "flex flex-wrap items-start justify-between" : "grid gap-1", className)}
      {...props}
    />
  );
}

/** Renders an <h2> by default; pass `as` to keep the page's heading order. */
export function CardTitle({
  className,
  as: Heading = "h2",
  ...props
}: ComponentProps<"h2"> & { as?: "h1" | "h2" | "h3" | "h4" }) {
  return <Heading className={cn("text-base leading-6 font-semibold", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("p-4 sm:p-5", className)} {...props} />;
}

