import { randomInt } from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { serverActionId } from "../bench/app-server";
import { findVariant, withDb } from "./store-helpers";

const EXPECTED_HEADERS: Record<string, RegExp> = {
  "content-security-policy": /default-src 'self'.*frame-ancestors 'none'/,
  "x-content-type-options": /^nosniff$/,
  "x-frame-options": /^DENY$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": /^same-origin$/,
  "strict-transport-security": /max-age=\d+/,
};

test("pages, JSON routes and the static route carry the security headers and no X-Powered-By", async ({ request }) => {
  const pick = await findVariant(request, () => true);
  for (const path of ["/", `/products/${pick.slug}`, `/api/inventory/stock?productId=${pick.productId}`, "/api/live", "/api/health"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    for (const [name, pattern] of Object.entries(EXPECTED_HEADERS)) expect(headers[name], `${name} on ${path}`).toMatch(pattern);
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the store works under its Content-Security-Policy: no violations while shopping", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|connect)/i.test(message.text())) violations.push(message.text());
  });
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 1);
  await page.goto(`/products/${pick.slug}?variant=${pick.variantId}`);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live"); // SSE connected (connect-src)
  await page.getByTestId("add-to-cart").click(); // server action (script + fetch)
  await expect(page.getByText("Added to cart — held for you")).toBeVisible();
  expect(violations).toEqual([]);
});

const cartAction = () => serverActionId("app/actions/cart.ts", "addToCartAction");

test("a cross-site call of a server action is refused with a 403 and holds nothing", async ({ request, baseURL }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 1);
  const holds = () => withDb(async (db) => Number((await db.query(`select count(*) from "StockReservation" where "variantId" = $1`, [pick.variantId])).rows[0].count));
  const before = await holds();
  const action = cartAction();
  const response = await request.post(`${baseURL}${action.page}`, {
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: JSON.stringify([{ variantId: pick.variantId, quantity: 1 }]),
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  expect(await holds()).toBe(before);
});

// POSTs from a loopback source address of our choosing, so this test's client
// IP is its own (the socket's), not that of the rest of the suite.
function postFrom(localAddress: string, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers, localAddress }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk)).on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

test("the waitlist is rate limited per client IP across fresh cart sessions, and a forged X-Forwarded-For does not dodge it", async ({ request, baseURL }) => {
  const pick = await findVariant(request, () => true);
  const action = serverActionId("app/actions/waitlist.ts", "joinWaitlist");
  const client = `127.0.0.${randomInt(2, 254)}`;
  const codes: string[] = [];
  for (let i = 0; i < 31; i++) {
    // A bot dropping cookies (no cookie jar here: every request is a new cart
    // session) and claiming a new address each time. No proxy is trusted
    // (TRUSTED_PROXY_HOPS=0), so the socket address is what counts.
    const forged = `203.0.113.${randomInt(1, 254)}`;
    const response = await postFrom(client, `${baseURL}/products/${pick.slug}`,
      { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: baseURL!, "x-forwarded-for": forged },
      JSON.stringify([{ variantId: pick.variantId, email: `bot${i}-${randomInt(1e9)}@example.com` }]));
    expect(response.status).toBe(200);
    const row = response.text.split("\n").find((line) => /^[0-9a-f]+:\{"ok":/.test(line))!;
    const result = JSON.parse(row.slice(row.indexOf(":") + 1)) as { ok: boolean; error?: { code: string } };
    codes.push(result.ok ? "ok" : result.error!.code);
  }
  expect(codes.slice(0, 30)).not.toContain("RATE_LIMITED");
  expect(codes[30]).toBe("RATE_LIMITED");
});

test("malformed server-action bodies get a 4xx before Next decodes them, and a valid call still works", async ({ request, baseURL }) => {
  const pick = await findVariant(request, (v) => v.policy === "DENY" && v.available >= 1);
  const action = cartAction();
  const post = (body: string | Buffer, contentType = "text/plain;charset=UTF-8") =>
    request.post(`${baseURL}${action.page}`, { headers: { "next-action": action.id, "content-type": contentType, origin: baseURL! }, data: body });
  const cases: [string, string | Buffer, string | undefined, number][] = [
    ["not JSON", "variantId=1", undefined, 400],
    ["a lone bracket", "[", undefined, 400],
    ["an object instead of the argument list", JSON.stringify({ variantId: pick.variantId }), undefined, 400],
    ["arrays nested 100,000 deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, undefined, 400],
    ["a broken multipart body", "--x\r\nContent-Disposition: form-data; name=\"1_$ACTION\"\r\n\r\nunterminated", "multipart/form-data; boundary=x", 400],
    ["a body over 1 MB", JSON.stringify([{ variantId: pick.variantId, quantity: 1, junk: "x".repeat(1_100_000) }]), undefined, 413],
    ["an unsupported content type", "<xml/>", "application/xml", 415],
  ];
  for (const [label, body, type, status] of cases) {
    const response = await post(body, type);
    expect(response.status(), label).toBe(status);
    expect(await response.json(), label).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  }
  // A form posted without JavaScript names its action in the body, not in a header.
  const noScript = await request.post(`${baseURL}${action.page}`, {
    headers: { "content-type": "multipart/form-data; boundary=x", origin: baseURL! },
    data: "--x\r\nContent-Disposition: form-data; name=\"$ACTION_ID_0\"\r\n\r\nunterminated",
  });
  expect(noScript.status(), "a broken no-JS form post").toBe(400);
  // A well-formed multipart body (a form with JavaScript) passes, whatever the case of its boundary.
  const signIn = serverActionId("app/actions/auth.ts", "signInAction");
  const form = await request.post(`${baseURL}${signIn.page}`, {
    headers: { "next-action": signIn.id, "content-type": "multipart/form-data; boundary=----WebKitFormBoundaryAbCdEf", origin: baseURL! },
    data: ["_1_email", "_1_password"].map((name) => `------WebKitFormBoundaryAbCdEf\r\nContent-Disposition: form-data; name="${name}"\r\n\r\nnobody@example.com\r\n`).join("")
      + `------WebKitFormBoundaryAbCdEf\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n------WebKitFormBoundaryAbCdEf--\r\n`,
  });
  expect(form.status(), "a valid multipart action").toBe(200);
  expect(await form.text()).toContain("INVALID_CREDENTIALS");
  const valid = await post(JSON.stringify([{ variantId: pick.variantId, quantity: 1 }]));
  expect(valid.status()).toBe(200);
  expect(await valid.text()).toMatch(/"ok":true/);
});
