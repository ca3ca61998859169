// Runs once per Next.js server process: start the expired-hold sweeper there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHoldSweeper } = await import("@/lib/inventory/sweeper");
  startHoldSweeper();
}
