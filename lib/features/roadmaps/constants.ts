/** Largest roadmap file (Markdown or JSON) Cairn imports, in UTF-8 bytes. The import screen checks it in the browser too. */
export const ROADMAP_FILE_MAX_BYTES = 1_048_576;

/** "The file is 1.05 MB; …": two decimals, so a file just over the limit never reads as "1.0 MB". */
export function fileTooLargeMessage(bytes: number): string {
  return `The file is ${(Math.ceil((bytes / 1_048_576) * 100) / 100).toFixed(2)} MB; roadmap files can be at most 1 MB.`;
}
