import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

// tailwind-merge only knows Tailwind's default scale; the custom theme keys from app/globals.css are registered
// so that `cn("h-topbar", "h-9")` resolves to `h-9` instead of keeping both.
const twMerge = extendTailwindMerge({
  extend: {
    theme: {
      spacing: ["sidebar", "topbar", "page", "page-lg"],
      container: ["content"],
      shadow: ["popover"],
      animate: ["fade-in", "scale-in", "slide-in-left", "slide-in-up", "shimmer"],
    },
  },
});

/** Joins class names; a later Tailwind class overrides an earlier one (`cn("px-2", props.className)`). */
export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}
