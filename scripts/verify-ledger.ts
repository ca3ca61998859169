// npm run ledger:verify — proves on-hand = Σ movements and reserved = Σ holds for every stock level.
import { disconnectDb } from "../lib/db";
import { verifyLedger } from "../lib/inventory/ledger";

async function main() {
  const report = await verifyLedger();
  console.log(report.ok ? `ledger ok: ${report.checkedLevels} stock levels checked` : `ledger MISMATCH in ${report.mismatches.length} of ${report.checkedLevels} levels`);
  for (const m of report.mismatches.slice(0, 50)) console.log(JSON.stringify(m));
  await disconnectDb();
  process.exit(report.ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
