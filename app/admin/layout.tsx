import type { Metadata } from "next";
import Link from "next/link";
import { Boxes } from "lucide-react";
import { AdminNav } from "@/components/admin/admin-nav";
import { CommandPalette } from "@/components/admin/command-palette";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { currentUser } from "@/lib/auth/request-context";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Stockroom" }, robots: { index: false } };

/**
 * The admin shell. It only decides what chrome to show: each page enforces
 * its own access with requirePageUser (a layout is not re-run on every
 * navigation, so it cannot be the guard). Signed-in pages refresh live from
 * stock events.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <header className="bg-zinc-900 text-white">
        <nav className="mx-auto flex max-w-7xl items-center justify-between gap-6 px-4 py-3" aria-label="Admin">
          <Link href="/admin" className="flex items-center gap-2 font-semibold">
            <Boxes aria-hidden className="size-5 text-sky-300" /> Stockroom <span className="font-normal text-zinc-400">Admin</span>
          </Link>
          <Link href="/" className="text-sm text-zinc-300 hover:text-white">View store</Link>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-7xl space-y-6 px-4 py-8">
      {user && (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 pb-3">
          <AdminNav role={user.role} />
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <CommandPalette role={user.role} />
            <LiveRefresh />
            <Link href="/admin/account" className="text-zinc-600 hover:underline" data-testid="admin-user" title="Your account and sessions">
              {user.name} <span className="text-zinc-500">({user.role})</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      )}
      {children}
      </main>
    </>
  );
}
