import { createElement, type ReactElement, type SVGProps } from "react";

import { cn } from "@/lib/cn";

export type IconProps = SVGProps<SVGSVGElement>;

/** An icon from `components/ui/icons/`, e.g. `Inbox`; takes an `<svg>`'s props (`className`, `aria-hidden`). */
export type IconComponent = (props: IconProps) => ReactElement;

/** One of lucide's shapes: an SVG element and its attributes, as React names them. */
export type IconShape = readonly [element: "circle" | "ellipse" | "line" | "path" | "polygon" | "polyline" | "rect", attributes: Record<string, string>];

/**
 * An icon that draws lucide's shapes in the `<svg>` lucide-react draws, with the same attributes and classes, so it
 * looks and reads the same. Plain markup, no hooks: a server component renders it without sending any JavaScript,
 * and a client component carries only its shapes and this function. lucide-react's own components are a client
 * module whose runtime (about 2 kB gzip) loaded on every page, even for icons drawn on the server (decision 043).
 * Hidden from screen readers unless the caller labels it, as lucide-react does.
 */
export function icon(names: string, shapes: readonly IconShape[]): IconComponent {
  return function Icon({ className, ...props }: IconProps) {
    const labelled = Object.entries(props).some(
      ([name, value]) => value != null && (name.startsWith("aria-") || name === "role" || name === "title"),
    );
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={24}
        height={24}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        className={cn("lucide", names, className)}
        aria-hidden={labelled ? undefined : true}
        {...props}
      >
        {shapes.map(([element, attributes], index) => createElement(element, { key: index, ...attributes }))}
      </svg>
    );
  };
}
