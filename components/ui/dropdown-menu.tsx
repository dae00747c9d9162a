"use client";

import { Circle } from "@/components/ui/icons/circle";
import { DropdownMenu as MenuPrimitive } from "radix-ui";
import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

export const DropdownMenu = MenuPrimitive.Root;
export const DropdownMenuTrigger = MenuPrimitive.Trigger;
export const DropdownMenuRadioGroup = MenuPrimitive.RadioGroup;

// Radix focuses items on hover too; the inset ring shows only for keyboard focus, the tint for both.
const itemClasses = cn(
  "relative flex min-h-8 cursor-default rounded-sm px-2 text-sm select-none focus-visible:-outline-offset-2",
  "data-[disabled]:pointer-events-none data-[disabled]:opacity-50 data-[highlighted]:bg-surface-muted",
  "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
);
const ROW = "items-center gap-2 py-1.5";
const WIDTHS = { sm: "min-w-36", md: "min-w-44", lg: "min-w-56" } as const;

/**
 * `width` is the menu's least width; `flush` drops the padding around the items, for a menu laid out in sections
 * of its own (the notifications).
 */
export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "end",
  width = "md",
  flush = false,
  ...props
}: ComponentProps<typeof MenuPrimitive.Content> & { width?: keyof typeof WIDTHS; flush?: boolean }) {
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content
        sideOffset={sideOffset}
        align={align}
        collisionPadding={8}
        className={cn(
          "z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] overflow-y-auto rounded-lg border border-border bg-surface text-foreground shadow-popover data-[state=open]:animate-scale-in",
          WIDTHS[width],
          !flush && "p-1",
          className,
        )}
        {...props}
      />
    </MenuPrimitive.Portal>
  );
}

/** `layout="entry"`: an item of several lines (a notification), its marker at the top. */
export function DropdownMenuItem({
  className,
  variant = "default",
  layout = "row",
  ...props
}: ComponentProps<typeof MenuPrimitive.Item> & { variant?: "default" | "danger"; layout?: "row" | "entry" }) {
  return (
    <MenuPrimitive.Item
      className={cn(
        itemClasses,
        layout === "entry" ? "items-start gap-2.5 py-2" : ROW,
        variant === "danger" ? "text-status-danger-fg [&_svg]:text-status-danger-fg" : "[&_svg]:text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuRadioItem({
  className,
  children,
  ...props
}: ComponentProps<typeof MenuPrimitive.RadioItem>) {
  return (
    <MenuPrimitive.RadioItem className={cn(itemClasses, ROW, "[&_svg]:text-muted-foreground pl-8", className)} {...props}>
      <span className="absolute left-2 flex size-4 items-center justify-center">
        <MenuPrimitive.ItemIndicator>
          <Circle aria-hidden className="size-2 fill-current text-foreground" />
        </MenuPrimitive.ItemIndicator>
      </span>
      {children}
    </MenuPrimitive.RadioItem>
  );
}

/** `variant="title"`: the menu's own heading inside a header row of its own, rather than a caption above items. */
export function DropdownMenuLabel({
  className,
  variant = "caption",
  ...props
}: ComponentProps<typeof MenuPrimitive.Label> & { variant?: "caption" | "title" }) {
  return (
    <MenuPrimitive.Label
      className={cn(
        "truncate",
        variant === "title" ? "text-sm font-semibold text-foreground" : "px-2 py-1.5 text-xs font-medium text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

/** `flush`: between sections of a menu without padding (`DropdownMenuContent flush`), so no margin to undo. */
export function DropdownMenuSeparator({ className, flush = false, ...props }: ComponentProps<typeof MenuPrimitive.Separator> & { flush?: boolean }) {
  return <MenuPrimitive.Separator className={cn(!flush && "-mx-1 my-1", "h-px bg-border", className)} {...props} />;
}

