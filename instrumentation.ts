// Runs once per Next.js server process: start the expired-hold sweeper there,
// and the outbox worker when this process should deliver notifications itself
// (the embedded zero-setup mode, or RUN_WORKER_IN_PROCESS=1); otherwise run
// `npm run worker` alongside the web servers.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHoldSweeper } = await import("@/lib/inventory/sweeper");
  startHoldSweeper();
  const { env } = await import("@/lib/env");
  if (env.STOCKROOM_EMBEDDED_DB === "1" || env.RUN_WORKER_IN_PROCESS === "1") {
    const { startOutboxWorker } = await import("@/lib/outbox");
    startOutboxWorker();
  }
}
