import http from "node:http";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { anyValue, asText, fuzzSeed, rng, shapedInput, type Rng } from "../__tests__/helpers/fuzz";
import { serverActions } from "../bench/app-server";
import { signInAs, withDb } from "./store-helpers";

// Seeded fuzzing of the running server over HTTP (not the action client
// in-process): every app/api route and every server action, anonymous and as
// an admin, with malformed bodies and content types, control characters, huge
// and deeply nested inputs. Every answer must be below 500, and the ledger
// exact afterwards. FUZZ_SEED replays a run; FUZZ_HTTP_CASES scales it.

const seed = fuzzSeed();
const CASES = Number(process.env.FUZZ_HTTP_CASES || 120);

const API_GETS = [
  "/api/health", "/api/live", "/api/inventory/stock", "/api/inventory/stream",
  "/api/admin/ledger", "/api/admin/movements/export", "/api/admin/bulk/export", "/api/admin/stream", "/api/admin/bulk/{id}/errors",
];
const API_POSTS = ["/api/admin/bulk/preview", "/api/admin/bulk/apply"];
const PARAMS = ["productId", "variantId", "q", "cursor", "status", "type", "page", "reference", "filename", "warehouse"];
const CONTENT_TYPES = ["text/plain;charset=UTF-8", "multipart/form-data; boundary=xyz", "application/json", "text/csv", "application/x-www-form-urlencoded", "application/xml", ""];

function junkText(r: Rng): string {
  switch (r.int(0, 6)) {
    case 0: return `${"[".repeat(r.int(1, 20_000))}`;
    case 1: return "\u0000".repeat(r.int(1, 50));
    case 2: return JSON.stringify([shapedInput(r, { variantId: () => anyValue(r), quantity: () => anyValue(r), email: () => anyValue(r) })]);
    case 3: return JSON.stringify(Array.from({ length: r.int(0, 4) }, () => anyValue(r)));
    case 4: return `--xyz\r\nContent-Disposition: form-data; name="${asText(anyValue(r))}"\r\n\r\n${asText(anyValue(r))}`;
    case 5: return `sku,warehouse,quantity,mode\n${Array.from({ length: r.int(1, 20) }, () => [anyValue(r), anyValue(r), anyValue(r), anyValue(r)].map(asText).join(",")).join("\n")}`;
    default: return asText(anyValue(r));
  }
}

// From its own loopback address, so the per-IP limits this spends are not the
// rest of the suite's; only the status matters (streams are cut after it).
function send(url: string, init: { method: string; headers: Record<string, string>; body?: string }, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method, headers: init.headers, localAddress }, (response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

async function fuzz(cookie: string, baseURL: string, r: Rng, failures: string[]) {
  const actions = serverActions();
  const from = `127.0.0.${randomInt(2, 254)}`;
  const auth: Record<string, string> = cookie ? { cookie } : {};
  for (let i = 0; i < CASES; i++) {
    const kind = r.int(0, 2);
    let label: string;
    let status: number;
    if (kind === 0) {
      const path = r.pick(API_GETS).replace("{id}", encodeURIComponent(asText(anyValue(r)).slice(0, 60).toWellFormed()) || "x");
      const query = new URLSearchParams(Array.from({ length: r.int(0, 3) }, () => [r.pick(PARAMS), asText(anyValue(r)).slice(0, 2_000)]));
      label = `GET ${path}?${query}`;
      status = await send(`${baseURL}${path}?${query}`, { method: "GET", headers: auth }, from);
    } else {
      const type = r.pick(CONTENT_TYPES);
      const body = junkText(r);
      const headers: Record<string, string> = { ...auth, origin: baseURL, ...(type ? { "content-type": type } : {}) };
      let url: string;
      if (kind === 1) {
        url = `${baseURL}${r.pick(API_POSTS)}?reference=${encodeURIComponent(asText(anyValue(r)).slice(0, 200).toWellFormed())}`;
      } else {
        const action = r.pick(actions);
        headers["next-action"] = action.id;
        url = `${baseURL}${action.page}`;
      }
      label = `POST ${url} (${headers["next-action"] ? "action" : "route"}, ${type || "no type"}, ${body.length} bytes)`;
      status = await send(url, { method: "POST", headers, body }, from);
    }
    if (status >= 500) failures.push(`${status} ${label}`);
    if (process.env.FUZZ_HTTP_DEBUG) console.log(`FUZZ ${status} ${label.slice(0, 100)}`);
  }
}

test.describe.configure({ mode: "serial" });

test(`HTTP fuzz (seed ${seed}): every route and action answers below 500, anonymous and signed in, and the ledger stays exact`, async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const failures: string[] = [];
  await fuzz("", baseURL!, rng(seed), failures);

  const signIn = async () => {
    const context = await browser.newContext();
    await signInAs(await context.newPage(), "admin");
    return context;
  };
  const admin = await signIn();
  const cookie = (await admin.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await fuzz(cookie, baseURL!, rng(seed + 1), failures);
  await admin.close();

  expect(failures, `FUZZ_SEED=${seed} replays this`).toEqual([]);
  // The fuzz may have signed that admin out (sign out everywhere is an action too): check as a fresh session.
  const checker = await signIn();
  expect(await (await checker.request.get("/api/admin/ledger")).json()).toMatchObject({ ok: true });
  const negative = await withDb(async (db) => (await db.query<{ n: number }>(`select count(*)::int as n from "StockLevel" where "onHand" < 0 or "reserved" < 0`)).rows[0]!.n);
  expect(negative).toBe(0);
  await checker.close();
});
