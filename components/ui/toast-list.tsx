"use client";

import { cva } from "class-variance-authority";
import { CircleAlert } from "@/components/ui/icons/circle-alert";
import { CircleCheck } from "@/components/ui/icons/circle-check";
import { Info } from "@/components/ui/icons/info";
import { X } from "@/components/ui/icons/x";
import { Toast as ToastPrimitive } from "radix-ui";

import type { ToastItem } from "@/components/ui/toast";
import { cn } from "@/lib/cn";

// Loaded by <Toaster /> with the first toast, so that pages load none of Radix's toast code up front (decision 023).

const toastVariants = cva(
  [
    "group pointer-events-auto relative flex w-full items-start gap-3 rounded-lg border bg-surface p-3 pr-10 text-foreground shadow-popover",
    "data-[state=open]:animate-slide-in-down data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)]",
    "data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform data-[state=closed]:opacity-0 data-[state=closed]:transition-opacity",
  ],
  {
    variants: {
      variant: {
        default: "border-border",
        success: "border-status-success-border",
        danger: "border-status-danger-border",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

const icons = {
  default: { Icon: Info, className: "text-status-info-fg" },
  success: { Icon: CircleCheck, className: "text-status-success-fg" },
  danger: { Icon: CircleAlert, className: "text-status-danger-fg" },
} as const;

/** The toasts and the Radix viewport (focus it with F8). */
export function ToastList({
  toasts,
  label,
  onDismiss,
}: {
  toasts: ToastItem[];
  label: string;
  onDismiss: (id: number) => void;
}) {
  return (
    <ToastPrimitive.Provider swipeDirection="right" label="Notification">
      {toasts.map(({ id, open, title, description, variant = "default", duration }) => {
        const { Icon, className } = icons[variant];
        return (
          <ToastPrimitive.Root
            key={id}
            open={open}
            onOpenChange={(next) => {
              if (!next) onDismiss(id);
            }}
            duration={duration ?? (variant === "danger" ? 10_000 : 5_000)}
            // Errors interrupt the screen reader; confirmations wait their turn.
            type={variant === "danger" ? "foreground" : "background"}
            className={toastVariants({ variant })}
          >
            <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", className)} />
            <div className="grid min-w-0 gap-0.5">
              <ToastPrimitive.Title className="text-sm leading-5 font-semibold break-words">{title}</ToastPrimitive.Title>
              {description ? (
                <ToastPrimitive.Description className="text-sm leading-5 break-words text-muted-foreground">
                  {description}
                </ToastPrimitive.Description>
              ) : null}
            </div>
            <ToastPrimitive.Close
              aria-label="Dismiss notification"
              className="absolute top-2 right-2 inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-surface-muted hover:text-foreground"
            >
              <X aria-hidden className="size-4" />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      {/* Under the top bar, not at the bottom: the buttons a toast is about (a form's submit, the review screen's and
          the editor's sticky action bars, the phone's thumb zone) sit low on the screen. */}
      <ToastPrimitive.Viewport
        label={label}
        className="pointer-events-none fixed inset-x-0 top-topbar z-[100] flex max-h-[calc(100dvh-var(--spacing-topbar))] flex-col gap-2 p-3 sm:right-0 sm:left-auto sm:w-96 sm:p-4"
      />
    </ToastPrimitive.Provider>
  );
}
