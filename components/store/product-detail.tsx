"use client";

import { useState, type ReactNode } from "react";
import Image from "next/image";
import { ProductPurchase, type ProductPurchaseProps } from "./product-purchase";

type Props = Omit<ProductPurchaseProps, "productName" | "selectedId" | "onSelectedChange"> & {
  name: string;
  /** The product image, shown when the chosen variant has none of its own. */
  imageUrl: string;
  /** Breadcrumb, title and description, rendered on the server. */
  header: ReactNode;
};

/** The product page body: the image follows the variant chosen in the purchase panel (its colour). */
export function ProductDetail({ name, imageUrl, header, ...purchase }: Props) {
  const [selectedId, setSelectedId] = useState(purchase.initialVariantId);
  const selected = purchase.variants.find((v) => v.id === selectedId) ?? purchase.variants[0];
  const colour = selected?.options.color;
  return (
    <article className="grid gap-8 md:grid-cols-2">
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <Image
          src={selected?.imageUrl ?? imageUrl}
          alt={colour ? `${name}, ${colour}` : name}
          width={640}
          height={640}
          className="size-full object-cover"
          priority
          unoptimized
          data-testid="product-image"
        />
      </div>
      <div className="space-y-6">
        {header}
        <ProductPurchase {...purchase} productName={name} selectedId={selected?.id} onSelectedChange={setSelectedId} />
      </div>
    </article>
  );
}
