// Runs once when the web server boots, whichever way it was started (npm start,
// next start, the Docker image). The Node-only parts are imported only in Node.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ validateEnvironmentOrExit, startBackgroundJobs }, { JOB_DEFINITIONS }] = await Promise.all([
      import("@/lib/boot"),
      import("@/lib/features/jobs/jobs"),
    ]);
    validateEnvironmentOrExit();
    // Not awaited: the web server must not wait for the job queue (a database that is slow or down at boot would
    // hold every page back); the queue starts, or keeps trying, beside it.
    void startBackgroundJobs(JOB_DEFINITIONS);
  }
}
