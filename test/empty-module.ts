// Stands in for `server-only` under Vitest, which runs outside React's server environment.
export {};
