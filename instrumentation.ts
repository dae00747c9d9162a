// Runs once when the web server boots, whichever way it was started (npm start,
// next start, the Docker image). The Node-only parts are imported only in Node.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ validateEnvironmentOrExit, startBackgroundJobs }, { JOB_DEFINITIONS }] = await Promise.all([
      import("@/lib/boot"),
      import("@/lib/features/jobs/jobs"),
    ]);
    validateEnvironmentOrExit();
    await startBackgroundJobs(JOB_DEFINITIONS);
  }
}
