import type { Metadata } from "next";
import Link from "next/link";
import { Download, History } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { BULK_MODES, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, formatBytes } from "@/lib/inventory/bulk/format";
import { env } from "@/lib/env";
import { BulkUploadForm } from "./_components/bulk-upload-form";

export const metadata: Metadata = { title: "Bulk stock update" };
export const dynamic = "force-dynamic";

export default async function BulkPage() {
  await requirePageUser("OPS", "/admin/bulk");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Bulk stock update</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Upload a CSV from a stock count or your warehouse system. Every row is checked first; nothing changes until you apply, and
            then the whole file is applied at once or not at all.
          </p>
        </div>
        <nav aria-label="Bulk update" className="flex flex-wrap gap-2">
          <a href="/api/admin/bulk/export" className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50" download>
            <Download aria-hidden className="size-4" /> Export current stock
          </a>
          <Link href="/admin/bulk/history" className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
            <History aria-hidden className="size-4" /> Upload history
          </Link>
        </nav>
      </div>

      <details className="rounded-lg border border-zinc-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer font-medium">File format</summary>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-zinc-700">
          <li>
            UTF-8 CSV, comma or semicolon separated, up to {formatBytes(env.BULK_UPLOAD_MAX_BYTES)}. The first line is a header with{" "}
            <code>{REQUIRED_COLUMNS.join(", ")}</code> and optionally <code>{OPTIONAL_COLUMNS.join(", ")}</code>.
          </li>
          <li>
            <code>mode</code> is one of {BULK_MODES.join(", ")}: <em>set</em> replaces on-hand (a count), <em>increment</em> records a
            receipt (it also lowers expected incoming units), <em>decrement</em> removes units.
          </li>
          <li>Each sku and warehouse pair may appear once. On-hand never goes below zero.</li>
          <li>
            On-hand cannot be lowered below the units held in shoppers&apos; carts or owed to backorders (less a backorder variant&apos;s
            allowance): such rows are refused and the message says the least you can set.
          </li>
          <li>The export downloads this format with every current stock level, ready to edit and upload again.</li>
        </ul>
      </details>

      <BulkUploadForm maxBytes={env.BULK_UPLOAD_MAX_BYTES} />
    </div>
  );
}
