import type { VariantProps } from "class-variance-authority";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import { cloneElement, isValidElement, type ComponentProps } from "react";

import { buttonVariants } from "@/components/ui/button-variants";
import { cn } from "@/lib/cn";

export type ButtonProps = ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    /** Render the single child (e.g. a Next <Link>) with button styling instead of a <button>. */
    asChild?: boolean;
    /** Shows a spinner, disables the button and marks it busy while an action is pending. */
    loading?: boolean;
  };

export function Button({
  className,
  variant,
  size,
  align,
  asChild = false,
  loading = false,
  disabled,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size: variant === "link" ? null : size, align }), className);

  // The child's own props win and its classes come after Button's, as with Radix's Slot; Cairn passes asChild a
  // link and nothing that needs merged event handlers or refs, so a clone does it without Slot's code in the bundle.
  if (asChild) {
    if (!isValidElement<{ className?: string }>(children)) throw new Error("Button asChild needs one element as its child");
    return cloneElement(children, { ...props, ...children.props, className: cn(classes, children.props.className) });
  }

  return (
    <button className={classes} disabled={disabled || loading} aria-busy={loading || undefined} {...props}>
      {loading ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
      {children}
    </button>
  );
}
