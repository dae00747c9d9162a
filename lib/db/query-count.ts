// Counts SQL statements per unit of work (a request, a test) without passing
// anything around: Prisma's query events fire inside the async context of the
// query, so an AsyncLocalStorage scope sees exactly its own statements.
import { AsyncLocalStorage } from "node:async_hooks";

type Counter = { count: number; statements: string[] };

const storage = new AsyncLocalStorage<Counter>();

export function recordQuery(sql: string) {
  const counter = storage.getStore();
  if (!counter) return;
  counter.count += 1;
  counter.statements.push(sql);
}

export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const counter: Counter = { count: 0, statements: [] };
  const result = await storage.run(counter, work);
  return { result, count: counter.count, statements: counter.statements };
}
