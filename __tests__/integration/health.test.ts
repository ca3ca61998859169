import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "@jest/globals";
import { GET } from "@/app/api/health/route";
import { closeConnections } from "../helpers/db";

afterAll(closeConnections);

describe("health and migrations", () => {
  it("reports PostgreSQL and Redis as healthy over real connections", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { ok: true, mode: "postgres" }, cache: { ok: true, mode: "redis" } });
  });

  it("db:migrate is idempotent and says so", async () => {
    // The worker database was cloned from a migrated template: nothing is pending.
    const { stdout } = await promisify(execFile)("npx", ["--no-install", "tsx", "scripts/migrate.ts", "deploy"], { env: process.env });
    expect(stdout).toMatch(/is up to date; no migrations applied/);
  });
});
