"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Command } from "cmdk";
import { FileText, Package, Search } from "lucide-react";
import type { AdminSearchHit } from "@/lib/admin/search";
import { pagesFor } from "./admin-pages";

export type SearchFn = (q: string, signal: AbortSignal) => Promise<AdminSearchHit[]>;

async function searchVariants(q: string, signal: AbortSignal): Promise<AdminSearchHit[]> {
  const response = await fetch(`/api/admin/search?q=${encodeURIComponent(q)}`, { signal, cache: "no-store" });
  if (!response.ok) return [];
  return ((await response.json()) as { hits: AdminSearchHit[] }).hits;
}

/**
 * Every word typed must appear in the item's name or keywords: cmdk's default
 * fuzzy score matched "TEE-ORG" against "Your account" (t…e…e…o…r…g).
 */
export function paletteFilter(value: string, search: string, keywords?: string[]): number {
  const haystack = [value, ...(keywords ?? [])].join(" ").toLowerCase();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => haystack.includes(word)) ? 1 : 0;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Ctrl/⌘+K: jump to a page, or to a variant by SKU or product name (cmdk,
 * searched on the server as you type). "/" focuses the page's own search
 * field on list pages, as in most admin tools.
 */
export function CommandPalette({ role, search = searchVariants }: { role: "ADMIN" | "OPS"; search?: SearchFn }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<AdminSearchHit[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setOpen((was) => !was);
      } else if (event.key === "/" && !event.metaKey && !event.ctrlKey && !isTyping(event.target)) {
        const field = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (field) {
          event.preventDefault();
          field.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!open || q.length < 2) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      search(q, controller.signal)
        .then((found) => setHits(found))
        .catch(() => setHits([]))
        .finally(() => setLoading(false));
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, open, search]);

  const go = (href: string) => {
    setOpen(false);
    setQuery("");
    router.push(href);
  };

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex h-8 items-center gap-2 rounded-md px-2.5 text-sm text-zinc-600 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-100"
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="command-palette-button"
      >
        <Search aria-hidden className="size-4" /> Search <kbd className="rounded bg-zinc-100 px-1 font-sans text-xs text-zinc-600">Ctrl K</kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={setOpen}
        label="Go to a page, SKU or product"
        filter={paletteFilter}
        overlayClassName="fixed inset-0 z-40 bg-zinc-900/40"
        contentClassName="fixed left-1/2 top-24 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xl"
      >
        <div className="flex items-center gap-2 border-b border-zinc-200 px-3">
          <Search aria-hidden className="size-4 text-zinc-500" />
          <Command.Input
            value={query}
            onValueChange={setQuery}
            placeholder="Go to a page, SKU or product…"
            className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-zinc-500"
          />
        </div>
        <Command.List className="max-h-80 overflow-y-auto p-2" label="Results">
          {loading && <Command.Loading label="Searching">Searching…</Command.Loading>}
          <Command.Empty className="px-3 py-6 text-center text-sm text-zinc-600">No page or SKU matches.</Command.Empty>
          <Command.Group heading="Pages" className="text-xs text-zinc-500 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5">
            {pagesFor(role).map((page) => (
              <Command.Item key={page.href} value={page.label} keywords={page.keywords} onSelect={() => go(page.href)} className={itemStyles}>
                <FileText aria-hidden className="size-4 text-zinc-500" /> {page.label}
              </Command.Item>
            ))}
          </Command.Group>
          {hits.length > 0 && (
            <Command.Group heading="Variants" className="text-xs text-zinc-500 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5">
              {hits.map((hit) => (
                <Command.Item key={hit.id} value={`${hit.sku} ${hit.productName} ${hit.title}`} onSelect={() => go(hit.href)} className={itemStyles}>
                  <Package aria-hidden className="size-4 text-zinc-500" />
                  <span className="font-mono text-xs">{hit.sku}</span>
                  <span className="truncate text-zinc-700">{hit.productName}{hit.title.toLowerCase() === "default" ? "" : ` · ${hit.title}`}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command.Dialog>
    </>
  );
}

const itemStyles = "flex cursor-pointer items-center gap-2 rounded-md px-2 py-2 text-sm text-zinc-900 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-700";
