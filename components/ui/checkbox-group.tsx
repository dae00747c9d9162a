import { useId } from "react";

export type CheckboxOption = { value: string; label: string; description: string; defaultChecked?: boolean };

/**
 * A named set of checkboxes submitted under one form field (`name`), each a short code-like label and what it means,
 * with the field's errors below the set and tied to it for screen readers.
 */
export function CheckboxGroup({
  legend,
  name,
  options,
  errors,
}: {
  legend: string;
  name: string;
  options: readonly CheckboxOption[];
  errors?: string[];
}) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset className="grid gap-2" aria-describedby={errors ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            defaultChecked={option.defaultChecked ?? false}
            className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
          />
          <span>
            <span className="font-mono font-medium">{option.label}</span>
            <span className="text-muted-foreground"> — {option.description}</span>
          </span>
        </label>
      ))}
      {errors ? (
        <p id={errorId} className="text-sm text-status-danger-fg">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
