import { EnvError, parseServerEnv } from "@/lib/env";

/** Refuses to serve with a bad environment, with one clear line per bad variable. */
export function validateEnvironmentOrExit() {
  try {
    parseServerEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
