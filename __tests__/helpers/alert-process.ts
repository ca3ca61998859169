// Child process for the two-process debounce test: N concurrent one-unit
// damages on one variant (each its own transaction + alert check), printing
// how many alerts this process fired as a JSON line.
import { disconnectDb } from "@/lib/db";
import { enqueueLowStockAlerts } from "@/lib/alerts";
import { recordDamage } from "@/lib/inventory";
import { disconnectRedis } from "@/lib/redis";

async function main() {
  const [variantId, warehouseId, count] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4])];
  let fired = 0;
  await Promise.all(
    Array.from({ length: count }, async () => {
      await recordDamage({ variantId, warehouseId, quantity: 1, actor: "two-process-test" });
      fired += (await enqueueLowStockAlerts([variantId])).length;
    }),
  );
  console.log(JSON.stringify({ fired }));
  await disconnectDb();
  await disconnectRedis();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
