/** "1 day", "7 days", "1 due milestone", "2 due milestones": the count and the word that fits it. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
