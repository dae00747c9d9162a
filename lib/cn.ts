import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names, leaving out false, null and empty ones (`cn("px-2", active && "font-medium")`). It does not
 * resolve conflicting Tailwind classes: a component whose class a caller may need to change offers a variant or a
 * prop for it, so an element never carries two classes for the same property (decision 031).
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
