"use client";

import { cva, type VariantProps } from "class-variance-authority";
import { X } from "@/components/ui/icons/x";
import { Dialog as DialogPrimitive } from "radix-ui";
import type { ComponentProps } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const contentVariants = cva(
  "fixed z-50 flex flex-col border border-border bg-surface text-foreground shadow-popover focus-visible:outline-none",
  {
    variants: {
      variant: {
        modal:
          "top-1/2 left-1/2 gap-4 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl p-5 data-[state=open]:animate-scale-in",
        /** Full-height panel from the left edge, for navigation on narrow screens. */
        sheet:
          "inset-y-0 left-0 gap-3 h-dvh w-72 max-w-[85vw] overflow-y-auto rounded-none border-y-0 border-l-0 p-4 data-[state=open]:animate-slide-in-left",
      },
    },
    defaultVariants: { variant: "modal" },
  },
);

export type DialogContentProps = ComponentProps<typeof DialogPrimitive.Content> &
  VariantProps<typeof contentVariants> & {
    /** Hide the corner close button when the footer already offers a way out. */
    hideClose?: boolean;
    /** Accessible name of the corner close button. */
    closeLabel?: string;
  };

export function DialogContent({
  className,
  variant,
  hideClose = false,
  closeLabel = "Close",
  children,
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-overlay data-[state=open]:animate-fade-in" />
      <DialogPrimitive.Content className={cn(contentVariants({ variant }), className)} {...props}>
        {children}
        {hideClose ? null : (
          <DialogPrimitive.Close
            aria-label={closeLabel}
            className="absolute top-3 right-3 inline-flex size-8 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-surface-muted hover:text-foreground"
          >
            <X aria-hidden className="size-4" />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("grid gap-1 pr-8", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn("text-base leading-6 font-semibold", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

/** The dialog's way out without doing anything: a quiet "Cancel" that closes it. */
export function DialogCancel() {
  return (
    <DialogClose asChild>
      <Button type="button" variant="ghost">
        Cancel
      </Button>
    </DialogClose>
  );
}
