import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PORT, E2E_SERVER_ENV } from "./e2e-env";
import { findVariant } from "./store-helpers";

// Two more instances of the same build, started by `npm run multi`, against the
// e2e database and Redis prefix: a hold made through instance A must reach an
// SSE subscriber of instance B (and a shopper's page there) within a second.
const ports = [E2E_PORT + 1, E2E_PORT + 2] as const;
let multi: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  multi = spawn("npx", ["--no-install", "tsx", "scripts/multi-instance.ts", ...ports.map(String)], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, ...E2E_SERVER_ENV },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so teardown stops the script and both servers
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[multi] ready")) resolve();
    };
    multi!.stdout!.on("data", onData);
    multi!.stderr!.on("data", onData);
    multi!.once("exit", (code) => reject(new Error(`npm run multi exited (${code}):\n${output}`)));
  });
});

test.afterAll(async () => {
  if (multi?.pid && multi.exitCode === null) {
    process.kill(-multi.pid, "SIGTERM");
    await new Promise((resolve) => multi!.once("exit", resolve));
  }
});

/** The next "stock" frame of an SSE response whose data satisfies `accept`, with the time it arrived. */
async function nextStockFrame(reader: ReadableStreamDefaultReader<Uint8Array>, accept: (data: { variants: { available: number }[] }) => boolean) {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("stream ended");
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = raw.split("\n").find((l) => l.startsWith("data: "));
      if (raw.includes("event: stock") && data) {
        const parsed = JSON.parse(data.slice(6));
        if (accept(parsed)) return { data: parsed, at: Date.now() };
      }
    }
  }
}

test("a hold made through instance A reaches an SSE subscriber and a shopper's page on instance B within a second", async ({ browser, request }) => {
  const [portA, portB] = ports;
  // A low-stock variant: its badge shows the count ("Only 3 left"), so the page visibly changes.
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.lowStock && v.available >= 2 && v.available <= 5);
  const stream = await fetch(`http://127.0.0.1:${portB}/api/inventory/stream?productId=${pick.productId}&variantId=${pick.variantId}`);
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  const first = await nextStockFrame(reader, () => true);
  expect(first.data.variants[0]!.available).toBe(pick.available);

  const watcher = await (await browser.newContext({ baseURL: `http://127.0.0.1:${portB}` })).newPage();
  await watcher.goto(`/products/${pick.slug}?variant=${pick.variantId}`);
  await expect(watcher.getByTestId("live-state")).toHaveAttribute("data-state", "live");

  const shopper = await (await browser.newContext({ baseURL: `http://127.0.0.1:${portA}` })).newPage();
  await shopper.goto(`/products/${pick.slug}?variant=${pick.variantId}`);
  await expect(shopper.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  // Both instances answer stock JSON from their near caches before the hold.
  const stockOn = async (port: number) => {
    const body = (await (await request.get(`http://127.0.0.1:${port}/api/inventory/stock?productId=${pick.productId}&variantId=${pick.variantId}`)).json()) as { variants: { available: number }[] };
    return body.variants[0]!.available;
  };
  for (const port of [portA, portB, portA, portB]) expect(await stockOn(port)).toBe(pick.available);
  const update = nextStockFrame(reader, (d) => d.variants[0]!.available === pick.available - 1);
  await shopper.getByTestId("add-to-cart").click();
  await expect(shopper.getByText("Added to cart — held for you")).toBeVisible();
  const heldAt = Date.now(); // the action has answered: the hold is committed
  // The instance that wrote is never stale; the other drops its copy when the invalidation message arrives.
  expect(await stockOn(portA)).toBe(pick.available - 1);
  await expect.poll(() => stockOn(portB), { timeout: 1_000 }).toBe(pick.available - 1);
  const seen = await update;
  expect(seen.at - heldAt).toBeLessThan(1_000);
  await expect(watcher.getByTestId("stock-badge")).toHaveText(`Only ${pick.available - 1} left`, { timeout: 1_000 });
  await reader.cancel();
});

test("instances share cart sessions: a cart started on A is served by B", async ({ browser, request }) => {
  const [portA, portB] = ports;
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 1);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${portA}/products/${pick.slug}?variant=${pick.variantId}`);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByText("Added to cart — held for you")).toBeVisible();
  // Cookies are per host, not per port: the same cart cookie reaches B.
  await page.goto(`http://127.0.0.1:${portB}/cart`);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
});
