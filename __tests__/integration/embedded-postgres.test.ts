import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { EmbeddedStartError, assertPortFree, assertWritable, clearStaleServer } from "@/lib/embedded/preflight";

// The embedded default is a real PostgreSQL 18 run from node_modules. These
// tests start it the way `npm start` does (in a child process, so a crash can
// be simulated with SIGKILL) and check what the old single-session engine got
// wrong: named prepared statements per connection, COPY, concurrent sessions;
// and the launcher's promises: stale pid files and orphaned servers after a
// crash, a busy port and an unwritable directory as one-line errors, data kept
// across restarts, nothing left running after a clean stop.

const root = mkdtempSync(path.join(tmpdir(), "stockroom-embedded-"));
// mkdtemp makes it 0700; as root the server runs as "postgres", which must reach it.
chmodSync(root, 0o755);
const port = 55_000 + (process.pid % 2_000);
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  rmSync(root, { recursive: true, force: true });
});

type Started = { url: string; clusterDir: string; created: boolean };

function launch(dataDir: string, onPort = port): Promise<{ child: ChildProcessWithoutNullStreams; started: Started }> {
  const child = spawn(process.execPath, ["--import", "tsx", "__tests__/helpers/embedded-process.ts", dataDir, String(onPort)], { env: process.env });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      const parsed = JSON.parse(line) as Started & { error?: string };
      if (parsed.error) reject(new Error(parsed.error));
      else resolve({ child, started: parsed });
    });
    child.on("exit", (code) => reject(new Error(`embedded process exited with ${code}: ${out}`)));
  });
}

const exited = (child: ChildProcessWithoutNullStreams) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)));

function serverPid(clusterDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  const dataDir = path.join(root, "data");

  it("is a real server: per-session named statements, concurrent transactions, COPY; data survives a crash and a restart", async () => {
    const first = await launch(dataDir);
    expect(first.started.created).toBe(true);
    expect(first.started.clusterDir).toBe(path.join(dataDir, "postgres"));
    // The app connects to the database named in the URL; npm start creates it.
    await withClient(first.started.url.replace(/\/stockroom$/, "/postgres"), (c) => c.query("create database stockroom"));

    const [a, b] = [new Client({ connectionString: first.started.url }), new Client({ connectionString: first.started.url })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      // The same statement name prepared on two connections: one session each.
      const named = { name: "stockroom_hold_batch", text: "select $1::int + 1 as n" };
      expect((await a.query({ ...named, values: [1] })).rows[0].n).toBe(2);
      expect((await b.query({ ...named, values: [2] })).rows[0].n).toBe(3);
      await a.query("create table kept (id int primary key, note text)");
      await a.query("begin");
      await a.query("insert into kept values (1, 'locked by a')");
      // b's transaction cannot see a's uncommitted row: separate sessions.
      expect((await b.query("select count(*)::int as n from kept")).rows[0].n).toBe(0);
      await a.query("commit");
      // COPY, which broke the old engine's protocol (the bulk upload uses it).
      const copy = b.query(copyFrom("copy kept from stdin"));
      await pipeline(Readable.from(["2\tcopied\n"]), copy);
      expect((await b.query("select count(*)::int as n from kept")).rows[0].n).toBe(2);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }

    // A crash of the launcher orphans the server; the next start stops it and takes over.
    const orphan = serverPid(first.started.clusterDir);
    expect(orphan).not.toBeNull();
    first.child.kill("SIGKILL");
    await exited(first.child);
    expect(serverPid(first.started.clusterDir)).toBe(orphan);

    const second = await launch(dataDir);
    expect(second.started.created).toBe(false);
    expect(serverPid(second.started.clusterDir)).not.toBe(orphan);
    expect(await withClient(second.started.url, async (c) => (await c.query("select note from kept order by id")).rows.map((r) => r.note))).toEqual(["locked by a", "copied"]);

    // A clean stop leaves no server behind.
    second.child.kill("SIGTERM");
    await exited(second.child);
    expect(serverPid(second.started.clusterDir)).toBeNull();
  });

  it("as root, keeps a cluster the postgres user could not reach under /var/tmp, and finds it again", async () => {
    const privateDir = path.join(root, "private");
    await assertWritable(path.join(privateDir, ".data"));
    chmodSync(privateDir, 0o700); // like a checkout under /root
    const asRoot = process.getuid?.() === 0;
    const first = await launch(path.join(privateDir, ".data"));
    try {
      if (asRoot) expect(first.started.clusterDir).toMatch(/^\/var\/tmp\/stockroom-[0-9a-f]{12}\/postgres$/);
      else expect(first.started.clusterDir).toBe(path.join(privateDir, ".data", "postgres"));
      first.child.kill("SIGTERM");
      await exited(first.child);
      const again = await launch(path.join(privateDir, ".data"));
      expect(again.started).toMatchObject({ clusterDir: first.started.clusterDir, created: false });
      again.child.kill("SIGTERM");
      await exited(again.child);
    } finally {
      if (asRoot) rmSync(path.dirname(first.started.clusterDir), { recursive: true, force: true });
    }
  });

  it("removes a postmaster.pid whose process is gone or is another program", async () => {
    const cluster = path.join(root, "stale");
    rmSync(cluster, { recursive: true, force: true });
    await assertWritable(cluster);
    writeFileSync(path.join(cluster, "postmaster.pid"), `${process.pid}\n${cluster}\n`);
    // Our own pid is alive but is not this cluster's postgres: a reused pid.
    expect(await clearStaleServer(cluster)).toMatch(/stale postmaster.pid/);
    expect(() => readFileSync(path.join(cluster, "postmaster.pid"))).toThrow();
    expect(await clearStaleServer(cluster)).toBeNull();
  });

  it("explains a busy port and an unwritable data directory in one line", async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const taken = (busy.address() as { port: number }).port;
    try {
      await expect(assertPortFree(taken)).rejects.toThrow(EmbeddedStartError);
      await expect(assertPortFree(taken)).rejects.toThrow(`port ${taken} for the embedded database is already in use by another program; pick a free one, for example EMBEDDED_DB_PORT=${taken + 1} npm start`);
      await expect(launch(path.join(root, "busy"), taken)).rejects.toThrow(/already in use/);
    } finally {
      busy.close();
    }
    // A directory below a regular file cannot be created, even by root.
    const file = path.join(root, "a-file");
    writeFileSync(file, "");
    await expect(assertWritable(path.join(file, ".data"))).rejects.toThrow(/cannot write the data directory .*\(ENOTDIR\); make it writable or choose another with STOCKROOM_DATA_DIR/);
  });
});
