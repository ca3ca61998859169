import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { inputStyles } from "@/components/ui/input-styles";
import type { CatalogueQuery } from "@/lib/validation/store";

/** A plain GET form: works without JavaScript, and every result page has a shareable URL. */
export function CatalogueFilters({ query, categories }: { query: CatalogueQuery; categories: string[] }) {
  return (
    <form method="get" action="/" className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-4" role="search">
      <div className="min-w-56 flex-1 space-y-1">
        <label htmlFor="q" className="block text-sm font-medium">Search</label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-3 size-4 text-zinc-400" />
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder="Search products" className={`${inputStyles} pl-9!`} />
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor="category" className="block text-sm font-medium">Category</label>
        <select id="category" name="category" defaultValue={query.category} className={`${inputStyles} w-auto!`}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
      </div>
      <label className="flex h-10 items-center gap-2 text-sm">
        <input type="checkbox" name="inStock" value="1" defaultChecked={query.inStock} className="size-4" />
        In stock only
      </label>
      <Button type="submit">Apply</Button>
    </form>
  );
}
