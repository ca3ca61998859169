import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { SessionUser } from "@/lib/auth/roles";
import { ADMIN_COOKIE, createAdminSession, userFromSessionToken } from "@/lib/auth/admin-session";
import { listActiveSessions } from "@/lib/auth/admin-sessions";
import { listAuditEvents } from "@/lib/admin/audit-log";
import { closeConnections, truncateAll } from "../helpers/db";
import { contextFor, createStaff, PASSWORDS, sessionTokenOf } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses } from "../helpers/fixtures";

// next/headers only works inside a Next request. This stands in for the
// request's cookie jar — the one thing replaced here; the actions, pages,
// guards and database are the real ones.
type SetCall = [string, string, Record<string, unknown>];
const mockJar: { value: string | undefined; sets: SetCall[] } = { value: undefined, sets: [] };
jest.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "stockroom_admin" && mockJar.value !== undefined ? { name, value: mockJar.value } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => void mockJar.sets.push([name, value, options]),
  }),
  headers: async () => new Headers({ "user-agent": "Jest/30 (integration)" }),
}));

import { signInAction, signOutAction, signOutEverywhereAction } from "@/app/actions/auth";
import { MAX_FAILURES, clearSignInAttempts } from "@/lib/admin/sign-in-throttle";
import AdminDashboardPage from "@/app/admin/page";
import InventoryPage from "@/app/admin/inventory/page";
import VariantPage from "@/app/admin/inventory/[variantId]/page";
import ReservationsPage from "@/app/admin/reservations/page";
import SignInPage from "@/app/admin/sign-in/page";
import UsersPage from "@/app/admin/users/page";
import AuditPage from "@/app/admin/audit/page";

let staff: { admin: SessionUser; ops: SessionUser };
let variantId: string;

beforeAll(async () => {
  await truncateAll();
  staff = await createStaff();
  const { main } = await createWarehouses();
  variantId = (await createStockedVariant([main], { stock: { MAIN: 3 } })).variantId;
});
beforeEach(() => {
  mockJar.value = undefined;
  mockJar.sets = [];
});
afterAll(closeConnections);

describe("sign in and out", () => {
  it("signs in with the right password: httpOnly, sameSite=lax session cookie for that user", async () => {
    const result = await signInAction.runWithContext(contextFor(null), { email: " Admin@Stockroom.test ", password: PASSWORDS.ADMIN, next: "/admin/inventory?status=low" });
    expect(result).toEqual({ ok: true, data: { redirectTo: "/admin/inventory?status=low", name: "Avery Admin", role: "ADMIN" } });
    expect(mockJar.sets).toHaveLength(1);
    const [name, token, options] = mockJar.sets[0]!;
    expect(name).toBe(ADMIN_COOKIE);
    expect(options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 8 * 3600 });
    expect(await userFromSessionToken(token)).toEqual(staff.admin);
  });

  it.each([
    ["a wrong password", { email: "admin@stockroom.test", password: "nope-nope" }],
    ["an unknown email", { email: "who@stockroom.test", password: PASSWORDS.ADMIN }],
  ])("refuses %s with the same message and sets no cookie", async (_label, input) => {
    const result = await signInAction.runWithContext(contextFor(null), input);
    expect(result).toEqual({ ok: false, error: { code: "INVALID_CREDENTIALS", message: "Wrong email or password" } });
    expect((await listAuditEvents({ area: "auth" })).rows[0]).toMatchObject({ action: "auth.sign_in_failed", actorEmail: null, target: input.email });
    expect(mockJar.sets).toHaveLength(0);
  });

  it("reports empty fields inline", async () => {
    const result = await signInAction.runWithContext(contextFor(null), { email: "", password: "" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors).toEqual({ email: ["enter your email"], password: ["enter your password"] });
  });

  it.each(["https://evil.example/admin", "//evil.example", "/\\evil.example", "/store", "/admin/sign-in?next=/admin"])(
    "never redirects outside the admin after sign-in (next=%s)",
    async (next) => {
      const result = await signInAction.runWithContext(contextFor(null), { email: "ops@stockroom.test", password: PASSWORDS.OPS, next });
      expect(result.ok && result.data.redirectTo).toBe("/admin");
    },
  );

  it("signs out by ending the session on the server: a copy of the cookie stops working too", async () => {
    const signedIn = await signInAction.runWithContext(contextFor(null), { email: "admin@stockroom.test", password: PASSWORDS.ADMIN });
    expect(signedIn.ok).toBe(true);
    const copied = mockJar.sets[0]![1];
    expect(await userFromSessionToken(copied)).toEqual(staff.admin);
    expect((await listActiveSessions(staff.admin.id)).find((s) => s.userAgent === "Jest/30 (integration)")).toBeTruthy();
    mockJar.value = copied;
    mockJar.sets = [];
    const result = await signOutAction.runWithContext(contextFor(staff.admin), {});
    expect(result).toEqual({ ok: true, data: { redirectTo: "/admin/sign-in" } });
    expect(mockJar.sets[0]).toEqual([ADMIN_COOKIE, "", expect.objectContaining({ maxAge: 0, httpOnly: true })]);
    expect(await userFromSessionToken(copied)).toBeNull();
    // Other sessions of the same user are not touched by one sign-out.
    expect(await userFromSessionToken(sessionTokenOf(staff.admin))).toEqual(staff.admin);
    // Both ends are in the audit trail, with the device.
    const trail = (await listAuditEvents({ area: "auth" })).rows.filter((r) => r.target === "admin@stockroom.test").map((r) => [r.action, r.changes]);
    expect(trail.slice(0, 2)).toEqual([["auth.sign_out", {}], ["auth.sign_in", { device: "Jest/30 (integration)" }]]);
  });

  it("sign out everywhere ends every session of the user, and only theirs", async () => {
    const mine = await createAdminSession({ userId: staff.ops.id });
    const active = (await listActiveSessions(staff.ops.id)).length;
    expect(active).toBeGreaterThanOrEqual(2);
    const result = await signOutEverywhereAction.runWithContext(contextFor(staff.ops), {});
    expect(result).toEqual({ ok: true, data: { ended: active, redirectTo: "/admin/sign-in" } });
    expect(await listActiveSessions(staff.ops.id)).toEqual([]);
    expect(await userFromSessionToken(mine)).toBeNull();
    expect(await userFromSessionToken(sessionTokenOf(staff.ops))).toBeNull();
    expect(await userFromSessionToken(sessionTokenOf(staff.admin))).toEqual(staff.admin);
    expect(await signOutEverywhereAction.runWithContext(contextFor(null), {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});

async function redirectOf(render: () => Promise<unknown>): Promise<string | null> {
  try {
    await render();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? "";
  }
}

const noParams = Promise.resolve({});
const pages = [
  { path: "/admin", render: () => AdminDashboardPage() },
  { path: "/admin/inventory", render: () => InventoryPage({ searchParams: noParams }) },
  { path: "/admin/reservations", render: () => ReservationsPage({ searchParams: noParams }) },
  { path: "/admin/inventory/:variant", render: () => VariantPage({ params: Promise.resolve({ variantId }), searchParams: noParams }) },
];

describe("admin pages are guarded on the server", () => {
  it.each(pages)("$path sends anonymous visitors to sign-in, remembering where they were going", async ({ path, render }) => {
    const target = await redirectOf(render);
    expect(target).toBe(`/admin/sign-in?next=${encodeURIComponent(path.replace(":variant", variantId))}`);
  });

  it.each(pages)("$path refuses a forged cookie", async ({ render }) => {
    mockJar.value = `${(await createAdminSession({ userId: staff.admin.id })).split(".")[0]}.forged`;
    expect(await redirectOf(render)).toMatch(/^\/admin\/sign-in\?next=/);
  });

  it.each(pages)("$path renders for OPS and ADMIN", async ({ render }) => {
    for (const user of [staff.ops, staff.admin]) {
      mockJar.value = await createAdminSession({ userId: user.id });
      expect(await redirectOf(render)).toBeNull();
    }
  });

  it("ADMIN-only pages answer OPS with forbidden() (HTTP 403), not a redirect to a 200 page", async () => {
    mockJar.value = await createAdminSession({ userId: staff.ops.id });
    for (const page of [() => UsersPage(), () => AuditPage({ searchParams: noParams })]) {
      const error = await page().catch((e: unknown) => e);
      expect((error as { digest?: string }).digest).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    }
    mockJar.value = await createAdminSession({ userId: staff.admin.id });
    await expect(UsersPage()).resolves.toBeTruthy();
    await expect(AuditPage({ searchParams: noParams })).resolves.toBeTruthy();
  });

  it("the sign-in page sends a signed-in user straight on", async () => {
    mockJar.value = await createAdminSession({ userId: staff.ops.id });
    expect(await redirectOf(() => SignInPage({ searchParams: Promise.resolve({ next: "/admin/reservations" }) }))).toBe("/admin/reservations");
    mockJar.value = undefined;
    expect(await redirectOf(() => SignInPage({ searchParams: Promise.resolve({}) }))).toBeNull();
  });

  it("an unknown or malformed variant id is a 404, not an error", async () => {
    mockJar.value = await createAdminSession({ userId: staff.ops.id });
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const error = await VariantPage({ params: Promise.resolve({ variantId: id }), searchParams: noParams }).catch((e: unknown) => e);
      expect((error as { digest?: string }).digest).toMatch(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    }
  });
});

describe("sign-in throttling", () => {
  it(`refuses an email after ${MAX_FAILURES} wrong passwords, even with the right one, without affecting others; success resets the count`, async () => {
    const staffEmail = "ops@stockroom.test";
    for (let i = 0; i < 3; i++) await signInAction.runWithContext(contextFor(null), { email: staffEmail, password: "wrong-wrong" });
    expect((await signInAction.runWithContext(contextFor(null), { email: staffEmail, password: PASSWORDS.OPS })).ok).toBe(true);
    // The count restarted from zero: MAX_FAILURES - 1 more failures still leave the account usable.
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signInAction.runWithContext(contextFor(null), { email: staffEmail, password: "wrong-wrong" });
    expect((await signInAction.runWithContext(contextFor(null), { email: staffEmail, password: PASSWORDS.OPS })).ok).toBe(true);

    for (let i = 0; i < MAX_FAILURES; i++) {
      const result = await signInAction.runWithContext(contextFor(null), { email: " OPS@stockroom.test", password: "wrong-wrong" });
      expect(result.ok || result.error.code).toBe("INVALID_CREDENTIALS");
    }
    mockJar.sets = [];
    const locked = await signInAction.runWithContext(contextFor(null), { email: staffEmail, password: PASSWORDS.OPS });
    expect(locked).toEqual({ ok: false, error: { code: "RATE_LIMITED", message: "Too many failed sign-ins for this account. Try again in 15 minutes." } });
    expect(mockJar.sets).toHaveLength(0);
    expect((await signInAction.runWithContext(contextFor(null), { email: "admin@stockroom.test", password: PASSWORDS.ADMIN })).ok).toBe(true);
  }, 60_000);
  it(`checks at most ${MAX_FAILURES} passwords of a burst of 150 parallel guesses, and then refuses the right one`, async () => {
    const email = "ops@stockroom.test";
    await clearSignInAttempts(email); // the test before locked it
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => signInAction.runWithContext(contextFor(null), { email, password: `wrong-guess-${i}` })),
    );
    // Each non-refused answer is a bcrypt comparison the attacker got; the rest were refused before it.
    const codes = results.map((r) => (r.ok ? "OK" : r.error.code));
    expect(codes.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(MAX_FAILURES);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(150 - MAX_FAILURES);
    const right = await signInAction.runWithContext(contextFor(null), { email, password: PASSWORDS.OPS });
    expect(right.ok || right.error.code).toBe("RATE_LIMITED");
  }, 60_000);
});
