import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <section className="mx-auto max-w-md space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">You do not have access to this page</h1>
      <p className="text-zinc-600">Your role does not allow it. Ask an admin if you need access.</p>
      <Link href="/admin" className="text-brand-700 hover:underline">
        Back to the dashboard
      </Link>
    </section>
  );
}
