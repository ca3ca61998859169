// npm run ledger:verify — proves on-hand = Σ movements and reserved = Σ holds for
// every stock level. Uses DATABASE_URL, or this checkout's embedded database
// (the one `npm start` runs, or started just for the check).
import { connectDatabase } from "./embedded";

async function main() {
  const database = await connectDatabase();
  const { disconnectDb } = await import("../lib/db");
  const { verifyLedger } = await import("../lib/inventory/ledger");
  try {
    const report = await verifyLedger();
    console.log(report.ok ? `ledger ok: ${report.checkedLevels} stock levels checked` : `ledger MISMATCH in ${report.mismatches.length} of ${report.checkedLevels} levels`);
    for (const m of report.mismatches.slice(0, 50)) console.log(JSON.stringify(m));
    return report.ok;
  } finally {
    await disconnectDb();
    await database.release();
  }
}

main()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
