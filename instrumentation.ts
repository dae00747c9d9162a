// Runs once when the web server boots, whichever way it was started (npm start,
// next start, the Docker image). The Node-only parts are imported only in Node.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvironmentOrExit, startBackgroundJobs } = await import("@/lib/boot");
    validateEnvironmentOrExit();
    await startBackgroundJobs();
  }
}
