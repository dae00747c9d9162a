"use client";

import type { ReactElement, ReactNode } from "react";

import { parseTheme, type Theme } from "@/components/layout/theme";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type ThemeOption = { value: Theme; label: string };

/** The theme menu itself, loaded when first opened (decision 023). */
export function ThemeMenu({
  options,
  icons,
  theme,
  onChange,
  trigger,
}: {
  options: readonly ThemeOption[];
  icons: Record<Theme, ReactNode>;
  theme: Theme;
  onChange: (theme: Theme) => void;
  trigger: ReactElement;
}) {
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent width="sm">
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme} onValueChange={(value) => onChange(parseTheme(value))}>
          {options.map(({ value, label }) => (
            <DropdownMenuRadioItem key={value} value={value}>
              {icons[value]}
              {label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
