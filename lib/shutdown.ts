// What must be closed after the last request, such as the database pool that the app opens on first use. The app
// runs inside Next's server bundle and Cairn's HTTP server outside it: two module graphs in one process, so the
// list lives on globalThis under a registered symbol both graphs resolve to the same key.
const REGISTRY = Symbol.for("cairn.shutdown-hooks");

type ShutdownHook = { name: string; close: () => Promise<void> };
export type ShutdownOutcome = { name: string; error?: unknown };

function registry(): ShutdownHook[] {
  const holder = globalThis as unknown as Record<symbol, ShutdownHook[] | undefined>;
  holder[REGISTRY] ??= [];
  return holder[REGISTRY];
}

export function onShutdown(name: string, close: () => Promise<void>) {
  registry().push({ name, close });
}

/** Runs every registered hook once, all at the same time; one failing does not keep the others from running. */
export async function runShutdownHooks(): Promise<ShutdownOutcome[]> {
  const hooks = registry().splice(0);
  const settled = await Promise.allSettled(hooks.map((hook) => hook.close()));
  return hooks.map((hook, index) => {
    const result = settled[index];
    return result?.status === "rejected" ? { name: hook.name, error: result.reason } : { name: hook.name };
  });
}
