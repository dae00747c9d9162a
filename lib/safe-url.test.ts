import { describe, expect, it } from "vitest";

import { isSafeHttpUrl, parseHttpUrl, URL_MAX_LENGTH } from "@/lib/safe-url";

/** An https URL of exactly `length` characters. */
function urlOfLength(length: number): string {
  const prefix = "https://example.com/";
  return prefix + "a".repeat(length - prefix.length);
}

describe("parseHttpUrl", () => {
  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["javascript://x/%0aalert(1)"],
    ["javascript://example.com/%0aalert(1)"],
    ["\tjavascript:alert(1)"],
    [" javascript:alert(1)"],
    ["\u0000javascript:alert(1)"],
    ["\u0001https://example.com/"],
    ["java\nscript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["java\rscript:alert(1)"],
    ["\u200bjavascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["DATA:text/html,x"],
    ["vbscript:msgbox(1)"],
    ["VBScript:msgbox(1)"],
    ["file:///etc/passwd"],
    ["file://server/share"],
    ["ftp://example.com/file"],
    ["mailto:someone@example.com"],
    ["blob:https://example.com/1234"],
    ["//evil.example/path"],
    ["///evil.example"],
    ["&#106;avascript:alert(1)"],
    ["&#x6A;avascript:alert(1)"],
    ["javascript&colon;alert(1)"],
    ["javascript&#58;alert(1)"],
    ["%6Aavascript:alert(1)"],
    ["https&#58;//example.com"],
    ["https:example.com"],
    ["https:/example.com"],
    ["https:\\\\evil.example"],
    ["https://good.example\\@evil.example"],
    ["https://user:pass@example.com/"],
    ["https://user@example.com/"],
    ["https://:secret@example.com/"],
    ["https://good.example@evil.example/"],
    ["https://exa mple.com/"],
    ["https://example.com/a b"],
    ["https://example.com/\u202eexe.txt"],
    ["https://"],
    ["https:///path"],
    ["https://example.com:99999/"],
    ["example.com"],
    ["/relative/path"],
    ["#fragment"],
    [""],
    ["   "],
  ])("rejects %j", (raw) => {
    expect(parseHttpUrl(raw)).toBeNull();
    expect(isSafeHttpUrl(raw)).toBe(false);
  });

  it.each([
    ["https://example.com", "https://example.com/"],
    ["http://example.com/path", "http://example.com/path"],
    ["HTTPS://EXAMPLE.COM/Path", "https://example.com/Path"],
    ["https://example.com/search?q=a&b=c", "https://example.com/search?q=a&b=c"],
    ["https://example.com/?next=javascript:alert(1)", "https://example.com/?next=javascript:alert(1)"],
    ["https://example.com/page#section-2", "https://example.com/page#section-2"],
    ["https://example.com:8443/metrics", "https://example.com:8443/metrics"],
    ["http://localhost:5000/#/experiments/1", "http://localhost:5000/#/experiments/1"],
    ["http://127.0.0.1:3000/d/abc", "http://127.0.0.1:3000/d/abc"],
    ["https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"],
    ["https://例え.jp/", "https://xn--r8jz45g.jp/"],
    ["  https://example.com/trimmed  ", "https://example.com/trimmed"],
    ["\nhttps://example.com/pasted\n", "https://example.com/pasted"],
    ["https://@example.com/", "https://example.com/"],
  ])("accepts %j", (raw, href) => {
    expect(parseHttpUrl(raw)?.href).toBe(href);
    expect(isSafeHttpUrl(raw)).toBe(true);
  });

  it("accepts a link of exactly URL_MAX_LENGTH characters and rejects one more", () => {
    expect(URL_MAX_LENGTH).toBe(2048);
    expect(parseHttpUrl(urlOfLength(2048))?.href).toHaveLength(2048);
    expect(parseHttpUrl(urlOfLength(2049))).toBeNull();
  });

  it("measures the length after trimming", () => {
    expect(parseHttpUrl(`  ${urlOfLength(2048)}  `)).not.toBeNull();
  });
});
