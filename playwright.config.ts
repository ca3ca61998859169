import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_PORT, E2E_SERVER_ENV, E2E_TARGET } from "./e2e/e2e-env";

// End-to-end tests against the *production* build: run `npx next build` first
// (`npm run build`; CI does it before `npm run e2e`). The webServer below only
// runs `next start` and fails with "Could not find a production build" otherwise.
//
// The app talks to the local PostgreSQL (database stockroom_e2e, recreated and
// seeded by e2e/global-setup.ts on every run) and the local Redis (keys under
// "stockroom:e2e:"). Browsers are never downloaded: Debian's /usr/bin/chromium
// is used (`apt-get install chromium`).
//
// E2E_TARGET=embedded runs the same specs against an app already started as the
// README says (`npm start` with no DATABASE_URL/REDIS_URL, PORT=E2E_PORT): no
// webServer, no database reset, and not the multi-instance spec (one process
// with an in-process event bus is what the embedded default is).
const CI = Boolean(process.env.CI);
const embedded = E2E_TARGET === "embedded";

export default defineConfig({
  testDir: "e2e",
  outputDir: embedded ? "e2e/artifacts/embedded/test-results" : "e2e/artifacts/test-results",
  globalSetup: embedded ? "./e2e/embedded-setup.ts" : "./e2e/global-setup.ts",
  testIgnore: embedded ? ["multi-instance.spec.ts"] : [],
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  workers: CI ? 1 : undefined,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { outputFolder: embedded ? "e2e/artifacts/embedded/report" : "e2e/artifacts/report", open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: embedded ? undefined : {
    command: `npx --no-install next start -p ${E2E_PORT}`,
    // Wait for the port rather than a URL: a request would reach the database
    // before global-setup has recreated it (Playwright starts webServer first).
    port: E2E_PORT,
    env: E2E_SERVER_ENV,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
