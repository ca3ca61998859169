// E2E_TARGET=embedded: the app was started by `npm start` (the README's first
// command); wait until it answers healthy before the specs run.
import { E2E_BASE_URL } from "./e2e-env";

export default async function embeddedSetup() {
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${E2E_BASE_URL}/api/health`);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the embedded app at ${E2E_BASE_URL} never became healthy (${last}); start it with PORT=<port> npm start`);
}
