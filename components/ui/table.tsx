import type { ComponentProps } from "react";

import { cn } from "@/lib/cn";

/** A header cell: its name, or the name with its alignment; `hidden` keeps the name for screen readers only. */
export type TableColumn = string | { label: string; textAlign?: "left" | "right"; hidden?: boolean };

/**
 * Wraps the <table> in a scroll container so wide tables scroll sideways on phones instead of widening the page.
 * `stickyHeader` pins the header row while the container scrolls (give it a max height via `containerClassName`).
 * `columns` writes the header row, so a table's children need only be its <TBody>.
 */
export function Table({
  className,
  containerClassName,
  stickyHeader = false,
  columns,
  children,
  ...props
}: ComponentProps<"table"> & { containerClassName?: string; stickyHeader?: boolean; columns?: TableColumn[] }) {
  return (
    <div
      data-sticky-header={stickyHeader || undefined}
      className={cn("group/table relative w-full overflow-auto rounded-lg border border-border bg-surface", containerClassName)}
    >
      <table className={cn("w-full caption-bottom border-separate border-spacing-0 text-sm", className)} {...props}>
        {columns ? (
          <THead>
            <TR>
              {columns.map((column) =>
                typeof column === "string" ? (
                  <TH key={column}>{column}</TH>
                ) : (
                  <TH key={column.label} textAlign={column.textAlign}>
                    {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
                  </TH>
                ),
              )}
            </TR>
          </THead>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return (
    <thead
      className={cn(
        "bg-surface-muted group-data-[sticky-header]/table:sticky group-data-[sticky-header]/table:top-0 group-data-[sticky-header]/table:z-10",
        className,
      )}
      {...props}
    />
  );
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&>tr:last-child>td]:border-b-0", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("transition-colors hover:bg-surface-muted/60 data-[state=selected]:bg-accent-subtle", className)} {...props} />;
}

export function TH({ className, scope = "col", textAlign = "left", ...props }: ComponentProps<"th"> & { textAlign?: "left" | "right" }) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-9 border-b border-border bg-surface-muted px-3 align-middle text-xs font-medium whitespace-nowrap text-muted-foreground",
        textAlign === "right" ? "text-right" : "text-left",
        className,
      )}
      {...props}
    />
  );
}

/** `verticalAlign="top"` for rows whose cells differ in height (several lines in one, a single line in another). */
export function TD({ className, verticalAlign = "middle", ...props }: ComponentProps<"td"> & { verticalAlign?: "middle" | "top" }) {
  return <td className={cn("border-b border-border px-3 py-2", verticalAlign === "top" ? "align-top" : "align-middle", className)} {...props} />;
}

