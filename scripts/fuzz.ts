// npm run fuzz [-- <jest options>]: the public-edge fuzz test with a fresh
// random seed (npm test always uses the fixed one). Prints the seed first, so
// a failure can be replayed with FUZZ_SEED=<seed> npm test -- fuzz-public-edges.
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";

const seed = process.env.FUZZ_SEED || String(randomInt(1, 1_000_000_000));
console.log(`FUZZ_SEED=${seed}`);
const jest = spawnSync("npx", ["jest", "__tests__/integration/fuzz-public-edges.test.ts", "--selectProjects", "integration", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_SEED: seed },
});
console.log(`FUZZ_SEED=${seed} ${jest.status === 0 ? "passed" : "FAILED — replay with that FUZZ_SEED"}`);
process.exit(jest.status ?? 1);
