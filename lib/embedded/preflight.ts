import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";

/** A start-up problem the user can fix; the launcher prints its message as one line. */
export class EmbeddedStartError extends Error {
  override name = "EmbeddedStartError";
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? "error";

export async function assertWritable(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    await writeFile(probe, "");
    await unlink(probe);
  } catch (error) {
    throw new EmbeddedStartError(
      `cannot write the data directory ${dataDir} (${errorCode(error)}); make it writable or choose another with STOCKROOM_DATA_DIR=/some/dir npm start`,
    );
  }
}

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) => {
      const hint = errorCode(error) === "EADDRINUSE" ? "is already in use by another program" : `cannot be used (${errorCode(error)})`;
      reject(new EmbeddedStartError(`port ${port} for the embedded database ${hint}; pick a free one, for example EMBEDDED_DB_PORT=${port + 1} npm start`));
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** Whether the system user "postgres" (which runs the server when we are root) can reach `dir`. */
export function postgresUserCanReach(dir: string): boolean {
  if (process.getuid?.() !== 0) return true;
  // Every ancestor must be searchable by "others": postgres is neither root nor in root's group.
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
};

const procText = (pid: number, file: string) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8").replaceAll("\0", " ");
  } catch {
    return null;
  }
};

/**
 * After a crash (the launcher killed with SIGKILL, a power cut) the cluster's
 * `postmaster.pid` remains, and the server itself may still be running with no
 * launcher. A pid file whose process is gone, or whose pid now belongs to
 * another program (pids are reused, and then PostgreSQL refuses to start), is
 * removed; an orphaned server of this cluster is shut down (fast: open
 * transactions roll back, committed data stays); a server still owned by a
 * running launcher is reported instead of touched. Returns what it did.
 */
export async function clearStaleServer(clusterDir: string): Promise<string | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const contents = await readFile(pidFile, "utf8").catch(() => null);
  if (contents === null) return null;
  const pid = Number(contents.split("\n")[0]);
  const cmdline = Number.isInteger(pid) && pid > 0 && alive(pid) ? procText(pid, "cmdline") : null;
  if (cmdline === null || !cmdline.includes(clusterDir)) {
    await unlink(pidFile).catch(() => {});
    return `removed a stale postmaster.pid (pid ${pid} is not this database's server)`;
  }
  const parent = Number(/^PPid:\s*(\d+)/m.exec(procText(pid, "status") ?? "")?.[1] ?? 0);
  const parentCmd = parent > 1 ? procText(parent, "cmdline") ?? "" : "";
  if (parentCmd.includes("scripts/start.ts")) {
    throw new EmbeddedStartError(`another \`npm start\` (pid ${parent}) is already serving this data directory; stop it first`);
  }
  process.kill(pid, "SIGINT");
  for (let waited = 0; alive(pid); waited += 100) {
    if (waited > 20_000) throw new EmbeddedStartError(`a PostgreSQL left running by an earlier crash (pid ${pid}) did not stop; stop it and retry`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `stopped a PostgreSQL left running by an earlier crash (pid ${pid})`;
}
