// CSV files Cairn hands out (the progress and review exports, the insights charts): safe cells, the document, a file
// name and the download response.

export type CsvFile = { filename: string; body: string };

// CSV (docs/security.md #18): spreadsheet apps run a cell that starts with one of these as a formula, so such a cell
// is prefixed with an apostrophe (OWASP "CSV injection"); quotes, commas and line breaks are quoted per RFC 4180.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: CRLF rows and a byte-order mark so spreadsheet apps read the names as UTF-8. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** An ASCII file name for Content-Disposition, e.g. "mlops-cohort-2027-progress-2027-03-10.csv". */
export function csvFilename(cohortName: string, what: string, today: string): string {
  const slug = cohortName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "cohort"}-${what}-${today}.csv`;
}

/** A CSV file as a download that is never cached. */
export function csvResponse(file: CsvFile): Response {
  return new Response(file.body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
