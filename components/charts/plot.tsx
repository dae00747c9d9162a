// A chart drawn on the server: no JavaScript reaches the browser. The drawing is an SVG in a 100 × 100 box
// stretched to the plot's size (preserveAspectRatio="none", strokes that do not scale), while every word — axis
// values, category labels, the legend — is HTML laid over it, so text stays readable at 375 px and lines stay
// crisp at any width. Colours come from the theme's status palette (components/charts/tones.ts), so dark mode
// needs nothing of its own. The SVG is one image to assistive technology, named by `label`; ChartFigure gives the
// same figures as a table and a CSV.
import { cn } from "@/lib/cn";
import {
  areaBetween,
  formatValue,
  heightOf,
  labelStep,
  lineRuns,
  niceMax,
  slotCentre,
  stack,
  ticks,
} from "@/components/charts/scale";
import { BAND_FILL, BAND_SWATCH, FILL, LINE_SWATCH, STROKE, SWATCH, type Tone } from "@/components/charts/tones";

export type LineSeries = { label: string; values: readonly (number | null)[]; tone: Tone; dashed?: boolean };
/** The spread between two lines, e.g. the middle half of a cohort. */
export type BandSeries = { label: string; lower: readonly number[]; upper: readonly number[]; tone: Tone };
/** Stacked areas, bottom layer first: the parts of a whole over time. */
export type LayerSeries = { label: string; values: readonly number[]; tone: Tone };
/** Bars side by side in each category. */
export type BarSeries = { label: string; values: readonly (number | null)[]; tone: Tone };
/** A horizontal line at a target value. */
export type Reference = { label: string; value: number; tone: Tone };
/** A vertical line through one category, e.g. "This week" on a chart that runs into the future. */
export type Marker = { label: string; index: number };

export type PlotProps = {
  /** The text alternative: what the chart shows, in a sentence or two. */
  label: string;
  /** The category under each slot, e.g. "12 Jan". */
  categories: readonly string[];
  /** Each category as a tooltip names it, e.g. "Week of 12 Jan"; the category itself by default. */
  categoryNames?: readonly string[];
  layers?: readonly LayerSeries[];
  bands?: readonly BandSeries[];
  bars?: readonly BarSeries[];
  lines?: readonly LineSeries[];
  reference?: Reference;
  marker?: Marker;
  /** The top of the value axis; by default a round number above the largest value drawn. */
  yMax?: number;
  /** Written after values in tooltips and on the axis, e.g. " h". */
  unit?: string;
};

const PLOT_HEIGHT = "h-48 sm:h-56";

function largest(props: PlotProps): number {
  const stacked = stack((props.layers ?? []).map((layer) => layer.values)).at(-1)?.upper ?? [];
  const values = [
    ...stacked,
    ...(props.bands ?? []).flatMap((band) => band.upper),
    ...(props.bars ?? []).flatMap((bar) => bar.values),
    ...(props.lines ?? []).flatMap((line) => line.values),
    props.reference?.value ?? 0,
  ];
  return Math.max(0, ...values.filter((value): value is number => value !== null));
}

function tooltip(props: PlotProps, index: number): string {
  const name = props.categoryNames?.[index] ?? props.categories[index] ?? "";
  const unit = props.unit ?? "";
  const parts = [
    ...[...(props.layers ?? [])].reverse().map((layer) => `${layer.label}: ${formatValue(layer.values[index] ?? 0)}${unit}`),
    ...(props.bands ?? []).map(
      (band) => `${band.label}: ${formatValue(band.lower[index] ?? 0)}–${formatValue(band.upper[index] ?? 0)}${unit}`,
    ),
    ...[...(props.bars ?? []), ...(props.lines ?? [])]
      .filter((series) => series.values[index] !== null && series.values[index] !== undefined)
      .map((series) => `${series.label}: ${formatValue(series.values[index]!)}${unit}`),
  ];
  return `${name}\n${parts.join("\n")}`;
}

function Legend(props: PlotProps) {
  const items = [
    ...[...(props.layers ?? [])].reverse().map((layer) => ({ label: layer.label, swatch: cn("size-3 rounded-sm", SWATCH[layer.tone]) })),
    ...(props.bars ?? []).map((bar) => ({ label: bar.label, swatch: cn("size-3 rounded-sm", SWATCH[bar.tone]) })),
    ...(props.bands ?? []).map((band) => ({ label: band.label, swatch: cn("size-3 rounded-sm", BAND_SWATCH[band.tone]) })),
    ...(props.lines ?? []).map((line) => ({
      label: line.label,
      swatch: cn("h-0 w-4 border-t-2", LINE_SWATCH[line.tone], line.dashed && "border-dashed"),
    })),
    ...(props.reference ? [{ label: props.reference.label, swatch: cn("h-0 w-4 border-t-2 border-dotted", LINE_SWATCH[props.reference.tone]) }] : []),
  ];
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span aria-hidden className={cn("inline-block shrink-0", item.swatch)} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Where a category label sits: centred on its slot, but kept inside the plot at either end. */
function labelPlacement(position: number): string {
  if (position < 8) return "translate-x-0";
  if (position > 92) return "-translate-x-full";
  return "-translate-x-1/2";
}

export function Plot(props: PlotProps) {
  const { categories, unit = "" } = props;
  const count = Math.max(1, categories.length);
  const max = props.yMax ?? niceMax(largest(props));
  const axis = ticks(max);
  const wide = labelStep(count, 5);
  // Phones print every other (or third …) wide label, so the labels they keep are ones wider screens print too.
  const narrow = wide * Math.ceil(labelStep(count, 3) / wide);
  const slot = 100 / count;
  const bars = props.bars ?? [];
  const barWidth = (slot * 0.7) / Math.max(1, bars.length);
  const strokeProps = { fill: "none", vectorEffect: "non-scaling-stroke", strokeLinecap: "round", strokeLinejoin: "round" } as const;

  return (
    <div className="grid gap-2">
      <Legend {...props} />
      <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
        <div aria-hidden className={cn("relative min-w-6 text-right text-xs text-muted-foreground tabular-nums", PLOT_HEIGHT)}>
          {axis.map((value) => (
            <span key={value} className="absolute right-0 -translate-y-1/2 whitespace-nowrap" style={{ top: `${heightOf(value, max)}%` }}>
              {formatValue(value)}
              {unit.trim()}
            </span>
          ))}
        </div>
        <div className={cn("relative border-b border-l border-border-strong", PLOT_HEIGHT)}>
          <svg
            role="img"
            aria-label={props.label}
            viewBox="0 0 100 100"
            preserveAspectRatio="none"
            className="absolute inset-0 size-full overflow-visible"
          >
            {axis.slice(1).map((value) => (
              <line key={value} x1={0} x2={100} y1={heightOf(value, max)} y2={heightOf(value, max)} className="stroke-border" {...strokeProps} />
            ))}
            {stack((props.layers ?? []).map((layer) => layer.values)).map((edges, index) => {
              const layer = props.layers![index]!;
              return <polygon key={layer.label} points={areaBetween(edges.lower, edges.upper, max)} className={FILL[layer.tone]} />;
            })}
            {(props.bands ?? []).map((band) => (
              <polygon key={band.label} points={areaBetween(band.lower, band.upper, max)} className={BAND_FILL[band.tone]} />
            ))}
            {bars.map((bar, series) =>
              bar.values.map((value, index) =>
                value === null ? null : (
                  <rect
                    key={`${bar.label}-${index}`}
                    x={index * slot + slot * 0.15 + series * barWidth}
                    y={heightOf(value, max)}
                    width={barWidth}
                    height={100 - heightOf(value, max)}
                    className={FILL[bar.tone]}
                  />
                ),
              ),
            )}
            {props.reference ? (
              <line
                x1={0}
                x2={100}
                y1={heightOf(props.reference.value, max)}
                y2={heightOf(props.reference.value, max)}
                strokeWidth={1.5}
                strokeDasharray="2 3"
                className={STROKE[props.reference.tone]}
                {...strokeProps}
              />
            ) : null}
            {props.marker ? (
              <line
                x1={slotCentre(props.marker.index, count)}
                x2={slotCentre(props.marker.index, count)}
                y1={0}
                y2={100}
                strokeWidth={1}
                strokeDasharray="3 3"
                className="stroke-border-strong"
                {...strokeProps}
              />
            ) : null}
            {(props.lines ?? []).flatMap((line) =>
              lineRuns(line.values, max).map((points, run) => (
                <polyline
                  key={`${line.label}-${run}`}
                  // A run of one point is drawn twice so its round caps show it as a dot.
                  points={points.includes(" ") ? points : `${points} ${points}`}
                  strokeWidth={2.5}
                  strokeDasharray={line.dashed ? "6 4" : undefined}
                  className={STROKE[line.tone]}
                  {...strokeProps}
                />
              )),
            )}
            {categories.map((category, index) => (
              <rect key={category + index} x={index * slot} y={0} width={slot} height={100} className="fill-transparent hover:fill-foreground/5">
                <title>{tooltip(props, index)}</title>
              </rect>
            ))}
          </svg>
          {props.marker ? (
            <span
              aria-hidden
              // Inside the plot's top edge, beside the line: to its right, or to its left near the right end.
              className={cn(
                "absolute top-0 text-xs whitespace-nowrap text-muted-foreground",
                slotCentre(props.marker.index, count) > 70 ? "-translate-x-full pr-1" : "pl-1",
              )}
              style={{ left: `${slotCentre(props.marker.index, count)}%` }}
            >
              {props.marker.label}
            </span>
          ) : null}
        </div>
        <div />
        <div aria-hidden className="relative h-5 text-xs text-muted-foreground">
          {categories.map((category, index) => {
            const fromEnd = count - 1 - index;
            if (fromEnd % wide !== 0) return null;
            const position = slotCentre(index, count);
            return (
              <span
                key={category + index}
                className={cn("absolute top-1 whitespace-nowrap", labelPlacement(position), fromEnd % narrow !== 0 && "max-sm:hidden")}
                style={{ left: `${position}%` }}
              >
                {category}
              </span>
            );
          })}
        </div>
      </div>
    </div>
  );
}
