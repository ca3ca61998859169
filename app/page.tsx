import { HealthBadge } from "@/components/health-badge";
import { db } from "@/lib/db";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

async function catalogueSize() {
  try {
    const [products, variants] = await Promise.all([db.product.count(), db.productVariant.count()]);
    return { products, variants };
  } catch {
    return null;
  }
}

export default async function HomePage() {
  const [health, size] = await Promise.all([checkHealth(), catalogueSize()]);
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Stockroom</h1>
      <p className="max-w-2xl text-zinc-600">
        A storefront with honest, live stock: adding to cart holds the units for you, so nothing sells out after checkout.
      </p>
      <HealthBadge health={health} />
      {size && (
        <p className="text-sm text-zinc-600" data-testid="catalogue-size">
          {size.products} products · {size.variants} variants
        </p>
      )}
    </section>
  );
}
