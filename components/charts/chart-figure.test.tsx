import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Plot } from "@/components/charts/plot";

const weeks = ["5 Jan", "12 Jan", "19 Jan"];

function render() {
  return renderToStaticMarkup(
    <ChartFigure
      id="pace"
      title="Pace against plan"
      summary="The median learner has 4 of 40 milestones complete; the plan expects 6."
      table={{ columns: ["Week", "Planned", "Median"], rows: [["5 Jan", 2, 1], ["12 Jan", 4, 3], ["19 Jan", 6, 4]] }}
      csvHref="/cohorts/c1/insights/csv/pace"
    >
      <Plot
        label="Milestones complete per learner, week by week, against the plan."
        categories={weeks}
        categoryNames={weeks.map((week) => `Week of ${week}`)}
        bands={[{ label: "Middle half", lower: [0, 2, 3], upper: [2, 4, 6], tone: "info" }]}
        lines={[
          { label: "Plan", values: [2, 4, 6], tone: "neutral", dashed: true },
          { label: "Median", values: [1, 3, null], tone: "info" },
        ]}
        reference={{ label: "Target", value: 5, tone: "warning" }}
      />
    </ChartFigure>,
  );
}

describe("a chart figure", () => {
  it("is one named image with a text alternative, a legend, and the same figures as a table and a CSV", () => {
    const html = render();
    expect(html).toMatch(/<figure aria-labelledby="pace-title"/);
    expect(html).toContain('<h3 id="pace-title"');
    expect(html).toContain("The median learner has 4 of 40 milestones complete; the plan expects 6.");
    expect(html).toMatch(/<svg role="img" aria-label="Milestones complete per learner, week by week, against the plan\."/);
    for (const item of ["Middle half", "Plan", "Median", "Target"]) expect(html).toMatch(new RegExp(`</span>${item}</li>`));
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Show as table<\/summary>/);
    expect(html).toMatch(/<th scope="row"[^>]*>12 Jan<\/th><td[^>]*>4<\/td><td[^>]*>3<\/td>/);
    expect(html).toMatch(/<a href="\/cohorts\/c1\/insights\/csv\/pace" download=""/);
  });

  it("names each week's values in a tooltip and breaks a line where a week has no value", () => {
    const html = render();
    expect(html).toContain("<title>Week of 12 Jan\nMiddle half: 2–4\nPlan: 4\nMedian: 3</title>");
    expect(html).toContain("<title>Week of 19 Jan\nMiddle half: 3–6\nPlan: 6</title>");
    // The median's line stops after its last known week: one run of two points.
    expect(html.match(/<polyline points="[^"]*"/g)).toEqual([
      '<polyline points="16.67,80 50,60 83.33,40"',
      '<polyline points="16.67,90 50,70"',
    ]);
  });

  it("marks one week with a labelled line, such as this week on a chart that runs into the future", () => {
    const html = renderToStaticMarkup(
      <Plot label="Burn-up" categories={weeks} marker={{ label: "This week", index: 1 }} lines={[{ label: "Complete", values: [1, 2, null], tone: "success" }]} />,
    );
    expect(html).toMatch(/<line x1="50" x2="50" y1="0" y2="100"/);
    expect(html).toMatch(/>This week<\/span>/);
  });
});
