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

const noParams = { params: Promise.resolve({}) };
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
    ["a malformed origin", { origin: "http://[not a host" }, false],
    ["cross-site fetch metadata without Origin", { "sec-fetch-site": "cross-site" }, false],
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
    const refused = await handler(post({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), noParams);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(ran).toBe(0);
    expect((await handler(post({ origin: "http://shop.example" }), noParams)).status).toBe(200);
    expect(ran).toBe(1);
  });
});

describe("every mutating route handler in app/", () => {
  const files = routeFiles();

  it("has route handlers to inspect", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // Each of these must be refused before the handler looks at who is asking
  // (with no session a handler that skipped the check answers 401, not 403).
  const CROSS_SITE: [string, Record<string, string>][] = [
    ["a cross-site Origin with fetch metadata", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["an opaque Origin: null (sandboxed frame, file://)", { origin: "null" }],
    ["a malformed Origin", { origin: "http://[not a host" }],
    ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }],
  ];

  const cases = files.flatMap((file) => CROSS_SITE.map(([label, headers]) => [path.relative(process.cwd(), file), label, file, headers] as const));

  it.each(cases)("%s refuses %s with a JSON 403", async (_name, _label, file, headers) => {
    const handlers = (await import(file)) as Record<string, unknown>;
    for (const method of MUTATING) {
      const handler = handlers[method];
      if (typeof handler !== "function") continue;
      const request = new Request("http://shop.example/x", {
        method,
        headers: { host: "shop.example", "content-type": "application/json", ...headers },
        body: "{}",
      });
      const response = (await handler(request, { params: Promise.resolve({}) })) as Response;
      const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
      expect({ method, status: response.status, code: body?.error?.code }).toEqual({ method, status: 403, code: "FORBIDDEN" });
    }
  });
});
