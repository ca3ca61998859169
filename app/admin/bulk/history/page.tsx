import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, Download } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listBulkUploads } from "@/lib/inventory/bulk/history";

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
        <Table frameClassName="rounded-lg border border-zinc-200 bg-white" data-testid="bulk-history" frameLabel="Bulk uploads">
          <caption className="sr-only">Bulk uploads</caption>
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Reference</Th>
              <Th>File</Th>
              <Th>Outcome</Th>
              <Th numeric>Rows</Th>
              <Th numeric>Changed</Th>
              <Th numeric>Errors</Th>
              <Th>By</Th>
            </tr>
          </thead>
          <tbody>
            {uploads.map((u) => (
              <tr key={u.id}>
                <Td className="whitespace-nowrap"><LocalTime value={u.createdAt} /></Td>
                <Td className="font-mono">{u.reference}</Td>
                <Td className="max-w-48 truncate" title={u.filename}>{u.filename}</Td>
                <Td>
                  <Badge tone={u.status === "APPLIED" ? "success" : "danger"}>{u.status === "APPLIED" ? "Applied" : "Refused"}</Badge>
                </Td>
                <Td numeric>{number.format(u.rowCount)}</Td>
                <Td numeric>{number.format(u.changedRows)}</Td>
                <Td numeric>
                  {u.errorCount === 0 ? "0" : (
                    <a href={`/api/admin/bulk/${u.id}/errors`} download className="inline-flex items-center gap-1 text-red-700 hover:underline">
                      <Download aria-hidden className="size-3.5" />
                      {number.format(u.errorCount)}{u.errorsCapped ? "+" : ""}
                      <span className="sr-only"> errors, download report for {u.reference}</span>
                    </a>
                  )}
                </Td>
                <Td>{u.createdBy}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
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
