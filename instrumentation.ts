// Runs once when the web server boots: refuse to serve with a bad environment,
// whichever way the server was started (npm start, next start, the Docker image).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, parseServerEnv } = await import("@/lib/env");
  try {
    parseServerEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`\n${error.message}\n\n`);
      process.exit(1);
    }
    throw error;
  }
}
