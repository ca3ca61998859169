// CSRF: server actions are checked by Next.js (Origin vs host; see
// e2e/hardening.spec.ts). Route handlers are not, so every mutating one must be
// wrapped in sameOriginOnly — this test finds them all and tries a cross-site call.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { isSameOrigin, sameOriginOnly } from "@/lib/http/same-origin";
import { closeConnections } from "../helpers/db";

afterAll(closeConnections);

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = path.join(process.cwd(), "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const post = (headers: Record<string, string>) => new Request("http://shop.example/api/thing", { method: "POST", headers: { host: "shop.example", ...headers }, body: "{}" });

describe("sameOriginOnly", () => {
  it.each([
    ["a same-origin browser POST", { origin: "http://shop.example", "sec-fetch-site": "same-origin" }, true],
    ["a POST behind a proxy that sets X-Forwarded-Host", { origin: "https://store.example.com", "x-forwarded-host": "store.example.com" }, true],
    ["a non-browser client (no Origin, no Sec-Fetch-Site)", {}, true],
    ["a cross-site form post", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, false],
    ["a cross-site Origin without fetch metadata", { origin: "https://evil.example" }, false],
    ["a same-site subdomain", { origin: "http://evil.shop.example", "sec-fetch-site": "same-site" }, false],
    ["an opaque origin", { origin: "null" }, false],
    ["a look-alike port", { origin: "http://shop.example:8080" }, false],
  ])("%s → allowed: %s", (_label, headers, allowed) => {
    expect(isSameOrigin(post(headers as Record<string, string>))).toBe(allowed);
  });

  it("answers a cross-site request with a JSON 403 and never runs the handler", async () => {
    let ran = 0;
    const handler = sameOriginOnly(async () => {
      ran += 1;
      return Response.json({ ok: true });
    });
    const refused = await handler(post({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), {});
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(ran).toBe(0);
    expect((await handler(post({ origin: "http://shop.example" }), {})).status).toBe(200);
    expect(ran).toBe(1);
  });
});

describe("every mutating route handler in app/", () => {
  const files = routeFiles();

  it("has route handlers to inspect", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))("%s refuses cross-site writes", async (_name, file) => {
    const handlers = (await import(file)) as Record<string, unknown>;
    for (const method of MUTATING) {
      const handler = handlers[method];
      if (typeof handler !== "function") continue;
      const request = new Request("http://shop.example/x", {
        method,
        headers: { host: "shop.example", origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/json" },
        body: "{}",
      });
      const response = (await handler(request, { params: Promise.resolve({}) })) as Response;
      expect({ method, status: response.status }).toEqual({ method, status: 403 });
    }
  });
});
