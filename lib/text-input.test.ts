import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER_MESSAGES, hasControlCharacters, lineText, multilineText, searchText } from "@/lib/text-input";

const CONTROLS = ["\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f"];
const DIRECTION_OVERRIDES = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("text fields refuse invisible control characters (docs/security.md #39)", () => {
  it.each([...CONTROLS, ...DIRECTION_OVERRIDES])("refuses U+%s in one-line and multi-line text", (character) => {
    const text = `Week${character}ly plan`;
    expect(hasControlCharacters(text, "line")).toBe(true);
    expect(hasControlCharacters(text, "multiline")).toBe(true);
  });

  it("allows tabs and line breaks only where text may span lines", () => {
    for (const text of ["two\nlines", "windows\r\nline", "a\ttab"]) {
      expect(hasControlCharacters(text, "line")).toBe(true);
      expect(hasControlCharacters(text, "multiline")).toBe(false);
    }
  });

  it("keeps the marks right-to-left writing needs, emoji joiners and any script", () => {
    for (const text of ["مرحبا\u200fبالعالم", "שלום\u200e!", "\u061cعربي", "👩\u200d💻 Ada", "Łódź, 東京, Ελληνικά", "Road\u2028map"]) {
      expect(hasControlCharacters(text, "line")).toBe(false);
    }
  });

  it("gives the field one clear message and nothing else", () => {
    const name = lineText().trim().min(1, "Enter a name.").max(5, "Too long.");
    const result = name.safeParse("\u0000\u0000\u0000\u0000\u0000\u0000\u0000");
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([CONTROL_CHARACTER_MESSAGES.line]);
    expect(multilineText().safeParse("a\u0000b").error?.issues.map((issue) => issue.message)).toEqual([
      CONTROL_CHARACTER_MESSAGES.multiline,
    ]);
  });

  it("keeps the field's own message for a value that is not text", () => {
    expect(lineText({ error: "Enter a name." }).safeParse(["an", "array"]).error?.issues[0]?.message).toBe("Enter a name.");
    expect(multilineText({ error: "Write a comment." }).safeParse(42).error?.issues[0]?.message).toBe("Write a comment.");
  });

  it("accepts ordinary text unchanged and lets later checks run", () => {
    expect(multilineText().trim().parse("  Line one\n\tindented  ")).toBe("Line one\n\tindented");
    expect(lineText().max(3).safeParse("long").success).toBe(false);
  });
});

describe("search boxes clean what they are given instead of refusing it", () => {
  it("drops controls and direction overrides, and turns tabs and line breaks into spaces", () => {
    expect(searchText().trim().parse("\u0000ada\u202e love\tlace\n")).toBe("ada love lace");
  });
});
