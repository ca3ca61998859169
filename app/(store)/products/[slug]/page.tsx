import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductDetail } from "@/components/store/product-detail";
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
    <ProductDetail
      name={product.name}
      imageUrl={product.imageUrl}
      header={
        <>
          <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
            <Link href="/" className="hover:underline">Shop</Link> / <Link href={`/?category=${encodeURIComponent(product.category)}`} className="hover:underline">{product.category}</Link>
          </nav>
          <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
          <p className="text-zinc-700">{product.description}</p>
        </>
      }
      productId={product.id}
      axes={product.optionAxes}
      variants={product.variants}
      initialVariantId={initial.id}
      initialStock={availability}
      holdMinutes={Math.round(env.RESERVATION_TTL_SECONDS / 60)}
    />
  );
}
