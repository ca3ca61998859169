// npm run bench -- <name>: runs bench/<name>.ts, which prints one final JSON line.
import { existsSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
const file = name ? path.join(__dirname, `${name}.ts`) : "";
if (!name || !/^[a-z-]+$/.test(name) || name === "run" || !existsSync(file)) {
  console.error("usage: npm run bench -- <reserve-hot | reserve-spread | bulk-import | read-cached | sse-fanout | chaos | cart-http | checkout-burst>");
  process.exit(2);
}
void import(file);
