"use client";

import type { ComponentType, ReactElement, SVGProps } from "react";

import { parseTheme, type Theme } from "@/components/layout/theme";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type ThemeOption = { value: Theme; label: string; Icon: ComponentType<SVGProps<SVGSVGElement>> };

/** The theme menu itself, loaded when first opened (decision 023). */
export function ThemeMenu({
  options,
  theme,
  onChange,
  trigger,
}: {
  options: readonly ThemeOption[];
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
          {options.map(({ value, label, Icon }) => (
            <DropdownMenuRadioItem key={value} value={value}>
              <Icon aria-hidden />
              {label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
