"use client";

import { Tooltip as TooltipPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";

import { Kbd } from "@/components/ui/kbd";
import { cn } from "@/lib/cn";

/** Mount once near the root so every tooltip shares one open delay. */
export function TooltipProvider({ delayDuration = 300, ...props }: ComponentProps<typeof TooltipPrimitive.Provider>) {
  return <TooltipPrimitive.Provider delayDuration={delayDuration} {...props} />;
}

export const Tooltip = TooltipPrimitive.Root;
export const TooltipTrigger = TooltipPrimitive.Trigger;

export function TooltipContent({
  className,
  sideOffset = 6,
  children,
  ...props
}: ComponentProps<typeof TooltipPrimitive.Content>) {
  return (
    <TooltipPrimitive.Portal>
      <TooltipPrimitive.Content
        sideOffset={sideOffset}
        collisionPadding={8}
        className={cn(
          "z-50 flex max-w-xs items-center gap-2 rounded-md bg-foreground px-2 py-1 text-xs leading-5 text-background shadow-popover data-[state=delayed-open]:animate-fade-in",
          className,
        )}
        {...props}
      >
        {children}
      </TooltipPrimitive.Content>
    </TooltipPrimitive.Portal>
  );
}

/**
 * The common case in one element: a tooltip on `children` (which must accept a ref, e.g. a Button), optionally
 * naming its keyboard shortcut. Shortcuts shown here are only hints; the key handling lives with the feature.
 */
export function SimpleTooltip({
  content,
  shortcut,
  side,
  children,
}: {
  content: ReactNode;
  shortcut?: string;
  side?: ComponentProps<typeof TooltipPrimitive.Content>["side"];
  children: ReactNode;
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>{children}</TooltipTrigger>
      <TooltipContent side={side}>
        <span>{content}</span>
        {shortcut ? <Kbd className="border-background/30 bg-transparent text-background">{shortcut}</Kbd> : null}
      </TooltipContent>
    </Tooltip>
  );
}
