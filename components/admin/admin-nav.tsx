"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { pagesFor } from "./admin-pages";


/** Hides links the user cannot open (the pages refuse them on the server anyway). */
export function AdminNav({ role }: { role: "ADMIN" | "OPS" }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1">
      {pagesFor(role).filter((link) => link.inNav).map((link) => {
        const active = link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-zinc-700 hover:bg-zinc-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
