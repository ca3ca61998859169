import Image from "next/image";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ProductCard as Card } from "@/lib/store/catalogue";
import { formatMoney } from "@/lib/store/money";

/** Ships now, pre-order (not released yet), backorder, or out of stock: see lib/store/catalogue. */
export function availabilityBadge(card: Pick<Card, "inStock" | "preorder" | "backorder">) {
  if (card.inStock > 0) return <Badge tone="success" data-testid="card-status">In stock</Badge>;
  if (card.preorder) return <Badge tone="info" data-testid="card-status">Pre-order</Badge>;
  if (card.backorder) return <Badge tone="info" data-testid="card-status">Backorder</Badge>;
  return <Badge tone="danger" data-testid="card-status">Out of stock</Badge>;
}

export function ProductCard({ card }: { card: Card }) {
  return (
    <li className="group overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm transition-shadow focus-within:shadow-md hover:shadow-md">
      <Link href={`/products/${card.slug}`} className="block focus:outline-none" data-testid="product-card">
        <div className="aspect-square bg-zinc-100">
          <Image src={card.imageUrl} alt="" width={400} height={400} className="size-full object-cover" unoptimized />
        </div>
        <div className="space-y-2 p-4">
          <p className="text-xs uppercase tracking-wide text-zinc-500">{card.category}</p>
          <h2 className="font-medium group-hover:underline">{card.name}</h2>
          <div className="flex items-center justify-between">
            <span className="font-semibold">{formatMoney(card.priceCents)}</span>
            {availabilityBadge(card)}
          </div>
        </div>
      </Link>
    </li>
  );
}
