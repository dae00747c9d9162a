/** Largest roadmap file (Markdown or JSON) Cairn imports, in UTF-8 bytes. The import screen checks it in the browser too. */
export const ROADMAP_FILE_MAX_BYTES = 1_048_576;
