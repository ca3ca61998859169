import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { GET as errorReport } from "@/app/api/admin/bulk/[id]/errors/route";
import { POST as apply } from "@/app/api/admin/bulk/apply/route";
import { GET as exportStock } from "@/app/api/admin/bulk/export/route";
import { POST as preview } from "@/app/api/admin/bulk/preview/route";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStaff, requestAs } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses } from "../helpers/fixtures";

let staff: { admin: SessionUser; ops: SessionUser };
let sku: string;
beforeEach(async () => {
  await truncateAll();
  staff = await createStaff();
  const { main } = await createWarehouses();
  sku = (await createStockedVariant([main], { stock: { MAIN: 4 } })).sku;
});
afterAll(closeConnections);

const missingUpload = "00000000-0000-4000-8000-000000000000";
const post = (user: SessionUser | null, path: string) =>
  requestAs(user, `http://localhost/api/admin/bulk/${path}`, {
    method: "POST",
    body: `sku,warehouse,quantity,mode\n${sku},MAIN,9,set\n`,
    headers: { origin: "http://localhost", "content-type": "text/csv" },
  });

const noParams = { params: Promise.resolve({}) };

const routes: [string, (user: SessionUser | null) => Promise<Response>][] = [
  ["POST preview", (user) => preview(post(user, "preview"), noParams)],
  ["POST apply", (user) => apply(post(user, "apply?reference=AUTH-1"), noParams)],
  ["GET export", (user) => exportStock(requestAs(user, "http://localhost/api/admin/bulk/export"))],
  ["GET error report", (user) => errorReport(requestAs(user, `http://localhost/api/admin/bulk/${missingUpload}/errors`), { params: Promise.resolve({ id: missingUpload }) })],
];

describe("bulk routes refuse anonymous callers on the server (OPS and ADMIN may use them)", () => {
  it.each(routes)("%s", async (_name, call) => {
    const anonymous = await call(null);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
    for (const user of [staff.ops, staff.admin]) {
      const allowed = await call(user);
      expect([200, 404]).toContain(allowed.status);
    }
  });

  it("an anonymous apply writes nothing", async () => {
    await apply(post(null, "apply?reference=AUTH-2"), noParams);
    expect(await db.bulkUpload.count()).toBe(0);
    expect(await db.inventoryMovement.count({ where: { type: "ADJUSTMENT" } })).toBe(0);
  });
});
