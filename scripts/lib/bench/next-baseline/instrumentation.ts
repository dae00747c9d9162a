// Keeps Next.js from taking the instrumentation hook of the Cairn checkout around this app: B_next has none.
export function register() {}
