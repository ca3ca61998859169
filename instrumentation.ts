// Runs once per Next.js server process: start the expired-hold sweeper there,
// and the outbox worker when this process should deliver notifications itself
// (the embedded zero-setup mode, or RUN_WORKER_IN_PROCESS=1); otherwise run
// `npm run worker` alongside the web servers.
//
// The imports sit inside `if (process.env.NEXT_RUNTIME === "nodejs")` (not after
// an early return) so the bundler drops them from the edge build that exists
// since middleware.ts: pg and friends cannot be bundled for the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHeader } = await import("@/lib/http/peer-address");
    installPeerAddressHeader();
    const { startHoldSweeper } = await import("@/lib/inventory/holds/sweeper");
    startHoldSweeper();
    const { env } = await import("@/lib/env");
    if (env.STOCKROOM_EMBEDDED_DB === "1" || env.RUN_WORKER_IN_PROCESS === "1") {
      const { startOutboxWorker } = await import("@/lib/outbox");
      startOutboxWorker();
    }
  }
}
