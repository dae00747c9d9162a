import type { ComponentType, ReactNode, SVGProps } from "react";

import { cn } from "@/lib/cn";

export type EmptyStateProps = {
  /** A lucide icon component; decorative. */
  icon?: ComponentType<SVGProps<SVGSVGElement>>;
  title: ReactNode;
  /** What this means and what to do next ("Nothing waiting — 12 reviewed this week"). */
  text?: ReactNode;
  /** Usually one Button ("Invite learners"). */
  action?: ReactNode;
  /** Heading level that fits the surrounding page. */
  headingLevel?: "h2" | "h3";
  className?: string;
};

export function EmptyState({ icon: Icon, title, text, action, headingLevel = "h2", className }: EmptyStateProps) {
  const Heading = headingLevel;
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-border px-6 py-10 text-center",
        className,
      )}
    >
      {Icon ? (
        <span className="flex size-10 items-center justify-center rounded-full bg-surface-muted text-muted-foreground">
          <Icon aria-hidden className="size-5" />
        </span>
      ) : null}
      <div className="grid max-w-sm gap-1">
        <Heading className="text-base leading-6 font-semibold">{title}</Heading>
        {text ? <div className="text-sm text-muted-foreground">{text}</div> : null}
      </div>
      {action ? <div className="mt-1">{action}</div> : null}
    </div>
  );
}
