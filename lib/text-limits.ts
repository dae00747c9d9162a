/** Longest Markdown text (descriptions, notes, comments) Cairn stores or renders. */
export const MARKDOWN_MAX_LENGTH = 20_000;
