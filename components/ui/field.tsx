import { CircleAlert } from "@/components/ui/icons/circle-alert";
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";

type ControlProps = {
  id?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-describedby"?: string;
  required?: boolean;
};

export type FieldProps = {
  /** Always visible; also the control's accessible name. */
  label: ReactNode;
  /** Exactly one control (Input, Textarea, Select…); it receives id, aria-invalid and aria-describedby. */
  children: ReactElement<ControlProps>;
  /** Help text shown under the control. */
  hint?: ReactNode;
  /** Field errors as zod's `flatten().fieldErrors[name]` gives them; each one is shown as its own line. */
  errors?: string[] | undefined;
  /** Adds "(optional)" to the label, so required fields need no asterisk. */
  optional?: boolean;
  /** Used when the control has no id of its own. */
  id?: string;
  className?: string;
};

export function Field({ label, children, hint, errors, optional, id, className }: FieldProps) {
  const generatedId = useId();
  const child = isValidElement<ControlProps>(children) ? children : null;
  const controlId = child?.props.id ?? id ?? `field-${generatedId}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasErrors = errors !== undefined && errors.length > 0;

  const describedBy =
    [child?.props["aria-describedby"], hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") ||
    undefined;

  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={controlId}>
        {label}
        {optional ? <span className="font-normal text-muted-foreground"> (optional)</span> : null}
      </Label>
      {child
        ? cloneElement(child, {
            id: controlId,
            "aria-invalid": hasErrors || child.props["aria-invalid"] || undefined,
            "aria-describedby": describedBy,
          })
        : children}
      {hint ? (
        <p id={hintId} className="text-[0.8125rem] leading-5 text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {hasErrors ? (
        <div id={errorId} className="grid gap-0.5 text-[0.8125rem] leading-5 font-medium text-status-danger-fg">
          {errors.map((message) => (
            <p key={message} className="flex items-start gap-1.5">
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span>{message}</span>
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Errors for a field, including those zod reports on its items ("mentorEmails.0"). */
export function errorsFor(errors: Record<string, string[]>, field: string): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, messages]) => messages);
  return found.length > 0 ? [...new Set(found)] : undefined;
}
