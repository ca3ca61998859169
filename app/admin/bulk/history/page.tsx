import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, Download } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listBulkUploads } from "@/lib/inventory/bulk/history";
import { LocalTime } from "../_components/local-time";

export const metadata: Metadata = { title: "Bulk upload history" };
export const dynamic = "force-dynamic";

const number = new Intl.NumberFormat("en");

export default async function BulkHistoryPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requirePageUser("OPS", "/admin/bulk/history");
  const cursor = parseCursor((await searchParams).before);
  const uploads = await listBulkUploads({ take: 50, before: cursor });
  const last = uploads.at(-1);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/bulk" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
          <ArrowLeft aria-hidden className="size-4" /> Bulk stock update
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Upload history</h1>
        <p className="mt-1 text-sm text-zinc-600">Every applied or refused upload, newest first. Previews are not recorded.</p>
      </div>
      {uploads.length === 0 ? (
        <p className="rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-600">No uploads yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
          <table className="min-w-full text-sm" data-testid="bulk-history">
            <caption className="sr-only">Bulk uploads</caption>
            <thead className="bg-zinc-50 text-left text-xs uppercase text-zinc-600">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Reference</th>
                <th scope="col" className="px-3 py-2">File</th>
                <th scope="col" className="px-3 py-2">Outcome</th>
                <th scope="col" className="px-3 py-2 text-right">Rows</th>
                <th scope="col" className="px-3 py-2 text-right">Changed</th>
                <th scope="col" className="px-3 py-2 text-right">Errors</th>
                <th scope="col" className="px-3 py-2">By</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {uploads.map((u) => (
                <tr key={u.id}>
                  <td className="whitespace-nowrap px-3 py-2"><LocalTime iso={u.createdAt.toISOString()} /></td>
                  <td className="px-3 py-2 font-mono">{u.reference}</td>
                  <td className="max-w-48 truncate px-3 py-2" title={u.filename}>{u.filename}</td>
                  <td className="px-3 py-2">
                    <Badge tone={u.status === "APPLIED" ? "success" : "danger"}>{u.status === "APPLIED" ? "Applied" : "Refused"}</Badge>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{number.format(u.rowCount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{number.format(u.changedRows)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {u.errorCount === 0 ? "0" : (
                      <a href={`/api/admin/bulk/${u.id}/errors`} download className="inline-flex items-center gap-1 text-red-700 hover:underline">
                        <Download aria-hidden className="size-3.5" />
                        {number.format(u.errorCount)}{u.errorsCapped ? "+" : ""}
                        <span className="sr-only"> errors, download report for {u.reference}</span>
                      </a>
                    )}
                  </td>
                  <td className="px-3 py-2">{u.createdBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {uploads.length === 50 && last && (
        <Link href={`/admin/bulk/history?before=${encodeURIComponent(`${last.createdAt.toISOString()}_${last.id}`)}`} className="text-sm text-brand-700 hover:underline">
          Older uploads →
        </Link>
      )}
    </div>
  );
}

function parseCursor(value: string | undefined): { createdAt: Date; id: string } | undefined {
  const match = value?.match(/^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/);
  if (!match) return undefined;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: match[2]! };
}
