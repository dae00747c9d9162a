// The one building block for text people type (docs/security.md #39). PostgreSQL cannot store U+0000 in text, and
// other invisible controls have no business in a name, a comment or a note: they break exports and terminals, and
// direction overrides make text read differently from what is stored. Every feature's schema.ts builds its text
// fields from these, so the rule and its message are the same everywhere.
import { z } from "zod";

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Unicode's own line and paragraph separators (U+2028, U+2029) are printable text here, as in roadmap titles. */
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
/**
 * Explicit direction embeddings, overrides and isolates. The marks right-to-left writing needs (U+200E, U+200F,
 * U+061C) stay allowed; these are what "Trojan Source" text uses to show one thing and store another.
 */
const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

export type TextShape = "line" | "multiline";

export const CONTROL_CHARACTER_MESSAGES: Record<TextShape, string> = {
  line: "Use one line of plain text: remove line breaks, tabs and invisible control characters (such as NUL).",
  multiline: "Remove the invisible control characters (such as NUL or text-direction overrides) from this text.",
};

/** True when the text holds a character the shape does not allow. */
export function hasControlCharacters(text: string, shape: TextShape): boolean {
  return CONTROL.test(text) || DIRECTION_CONTROL.test(text) || (shape === "line" && LINE_BREAK_OR_TAB.test(text));
}

type StringParams = Parameters<typeof z.string>[0];

/**
 * A one-line text field: names, titles, labels. Checks after this one (trim, min, max) chain as on `z.string()`;
 * a control character is the only message the field gets, since the rest would describe text it cannot keep.
 */
export function lineText(params?: StringParams) {
  return z.string(params).refine((text) => !hasControlCharacters(text, "line"), {
    error: CONTROL_CHARACTER_MESSAGES.line,
    abort: true,
  });
}

/** A multi-line text field (comments, notes, Markdown): tabs and line breaks are text here. */
export function multilineText(params?: StringParams) {
  return z.string(params).refine((text) => !hasControlCharacters(text, "multiline"), {
    error: CONTROL_CHARACTER_MESSAGES.multiline,
    abort: true,
  });
}

const ANY_CONTROL = new RegExp(`${CONTROL.source}|${DIRECTION_CONTROL.source}|${LINE_BREAK_OR_TAB.source}`, "g");

/**
 * Search boxes and filters read from a URL: a stray control character is dropped rather than refused, because the
 * page answers a search, not a form. Line breaks and tabs become spaces.
 */
export function searchText() {
  return z.string().overwrite((text) => text.replace(ANY_CONTROL, (character) => (LINE_BREAK_OR_TAB.test(character) ? " " : "")));
}
