// Child process for the two-process test: N concurrent holds of one unit each
// on one variant, printing how many were admitted as a JSON line.
import { randomBytes } from "node:crypto";
import { disconnectDb } from "@/lib/db";
import { InsufficientStockError, reserveStock } from "@/lib/inventory";
import { disconnectRedis } from "@/lib/redis";

async function main() {
  const [variantId, count] = [process.argv[2]!, Number(process.argv[3])];
  const results = await Promise.all(
    Array.from({ length: count }, () =>
      reserveStock({ variantId, sessionId: randomBytes(18).toString("base64url"), quantity: 1 }).then(
        () => "ok" as const,
        (error: unknown) => {
          if (error instanceof InsufficientStockError) return "refused" as const;
          throw error;
        },
      ),
    ),
  );
  console.log(JSON.stringify({ admitted: results.filter((r) => r === "ok").length, refused: results.filter((r) => r === "refused").length }));
  await disconnectDb();
  await disconnectRedis();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
