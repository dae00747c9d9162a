// The colours a chart may use: the status palette of app/globals.css, which has light and dark values, so charts
// follow the theme. Class names are written out whole so Tailwind finds them.

export type Tone = "neutral" | "info" | "warning" | "danger" | "success" | "accent";

export const STROKE: Record<Tone, string> = {
  neutral: "stroke-status-neutral",
  info: "stroke-status-info",
  warning: "stroke-status-warning",
  danger: "stroke-status-danger",
  success: "stroke-status-success",
  accent: "stroke-accent",
};

export const FILL: Record<Tone, string> = {
  neutral: "fill-status-neutral/50",
  info: "fill-status-info/70",
  warning: "fill-status-warning/75",
  danger: "fill-status-danger/75",
  success: "fill-status-success/80",
  accent: "fill-accent/80",
};

/** A lighter fill for a band (a spread between two lines) that lines drawn over it stay readable on. */
export const BAND_FILL: Record<Tone, string> = {
  neutral: "fill-status-neutral/15",
  info: "fill-status-info/20",
  warning: "fill-status-warning/20",
  danger: "fill-status-danger/20",
  success: "fill-status-success/20",
  accent: "fill-accent/20",
};

export const SWATCH: Record<Tone, string> = {
  neutral: "bg-status-neutral/50",
  info: "bg-status-info/70",
  warning: "bg-status-warning/75",
  danger: "bg-status-danger/75",
  success: "bg-status-success/80",
  accent: "bg-accent/80",
};

export const BAND_SWATCH: Record<Tone, string> = {
  neutral: "bg-status-neutral/15",
  info: "bg-status-info/20",
  warning: "bg-status-warning/20",
  danger: "bg-status-danger/20",
  success: "bg-status-success/20",
  accent: "bg-accent/20",
};

export const LINE_SWATCH: Record<Tone, string> = {
  neutral: "border-status-neutral",
  info: "border-status-info",
  warning: "border-status-warning",
  danger: "border-status-danger",
  success: "border-status-success",
  accent: "border-accent",
};
