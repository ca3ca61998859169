import { CatalogueFilters } from "@/components/store/catalogue-filters";
import { ProductCard } from "@/components/store/product-card";
import { Pager } from "@/components/ui/pager";
import { listCatalogue } from "@/lib/store/catalogue";
import { catalogueQuerySchema, type CatalogueQuery } from "@/lib/validation/store";

export const dynamic = "force-dynamic";

function hrefFor(query: CatalogueQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.category) params.set("category", query.category);
  if (query.inStock) params.set("inStock", "1");
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `/?${text}` : "/";
}

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const query = catalogueQuerySchema.parse({ q: first(raw.q), category: first(raw.category), inStock: first(raw.inStock), page: first(raw.page) });
  const catalogue = await listCatalogue(query);
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight">Shop</h1>
        <p className="text-zinc-600">Honest, live stock: adding to cart holds the item for you.</p>
      </div>
      <CatalogueFilters query={query} categories={catalogue.categories} />
      <p className="text-sm text-zinc-600" data-testid="catalogue-size" aria-live="polite">
        {catalogue.total} {catalogue.total === 1 ? "product" : "products"}
      </p>
      {catalogue.products.length ? (
        <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {catalogue.products.map((card) => <ProductCard key={card.id} card={card} />)}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600">No products match. Try another search or filter.</p>
      )}
      {catalogue.pageCount > 1 && (
        <Pager
          label="Pagination"
          status={`Page ${catalogue.page} of ${catalogue.pageCount}`}
          prev={catalogue.page > 1 ? hrefFor(query, catalogue.page - 1) : null}
          next={catalogue.page < catalogue.pageCount ? hrefFor(query, catalogue.page + 1) : null}
        />
      )}
    </section>
  );
}
