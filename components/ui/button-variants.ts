import { cva } from "class-variance-authority";

// Apart from Button so that a page that only needs the look (the root error page, on every page's first load) does
// not bring Button's asChild (Radix Slot) and spinner icon along.
export const buttonVariants = cva(
  [
    "inline-flex shrink-0 cursor-pointer items-center gap-2 font-medium whitespace-nowrap select-none",
    "transition-colors disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50",
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  ],
  {
    variants: {
      variant: {
        primary: "rounded-md bg-accent text-accent-foreground shadow-xs hover:bg-accent-hover",
        secondary: "rounded-md border border-border bg-surface text-foreground shadow-xs hover:bg-surface-muted",
        ghost: "rounded-md text-foreground hover:bg-surface-muted",
        /** A ghost button that stays in the background until hovered, such as "Add milestone" in a list. */
        subtle: "rounded-md text-muted-foreground hover:bg-surface-muted",
        danger: "rounded-md bg-danger text-danger-foreground shadow-xs hover:bg-danger-hover",
        /** Text that acts; it takes no size (no height, padding or font size of its own). */
        link: "rounded-sm text-accent underline-offset-[0.2em] hover:underline",
      },
      size: {
        sm: "h-8 px-3 text-[0.8125rem]",
        md: "h-9 px-4 text-sm",
        icon: "size-9",
        /** An icon button inside a dense row, such as the outline's move buttons. */
        "icon-sm": "size-7",
      },
      align: {
        center: "justify-center",
        /** For a button that fills its row, label against the start edge. */
        start: "justify-start",
      },
    },
    defaultVariants: { variant: "primary", size: "md", align: "center" },
  },
);
