import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductPurchase } from "@/components/store/product-purchase";
import { env } from "@/lib/env";
import { getProductAvailability, getProductBySlug } from "@/lib/store/product";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<{ variant?: string | string[] }> };

const SLUG = /^[a-z0-9-]{1,120}$/;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const product = SLUG.test(slug) ? await getProductBySlug(slug) : null;
  return { title: product?.name ?? "Product not found" };
}

export default async function ProductPage({ params, searchParams }: Params) {
  const [{ slug }, { variant }] = await Promise.all([params, searchParams]);
  if (!SLUG.test(slug)) notFound();
  const product = await getProductBySlug(slug);
  if (!product || !product.variants.length) notFound();
  const availability = await getProductAvailability(product.id);
  const requested = Array.isArray(variant) ? variant[0] : variant;
  // Default to the first variant that can be ordered, so the page opens on something buyable.
  const firstOrderable = product.variants.find((v) => availability.find((a) => a.variantId === v.id)?.orderable);
  const initial = product.variants.find((v) => v.id === requested) ?? firstOrderable ?? product.variants[0]!;

  return (
    <article className="grid gap-8 md:grid-cols-2">
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <Image src={product.imageUrl} alt={product.name} width={640} height={640} className="size-full object-cover" priority unoptimized />
      </div>
      <div className="space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
          <Link href="/" className="hover:underline">Shop</Link> / <Link href={`/?category=${encodeURIComponent(product.category)}`} className="hover:underline">{product.category}</Link>
        </nav>
        <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
        <p className="text-zinc-700">{product.description}</p>
        <ProductPurchase
          productId={product.id}
          axes={product.optionAxes}
          variants={product.variants}
          initialVariantId={initial.id}
          initialStock={availability}
          holdMinutes={Math.round(env.RESERVATION_TTL_SECONDS / 60)}
        />
      </div>
    </article>
  );
}
