// The admin's pages, for the navigation bar and the command palette.
export type AdminPage = { href: string; label: string; exact?: boolean; adminOnly?: boolean; inNav?: boolean; keywords?: string[] };

export const ADMIN_PAGES: AdminPage[] = [
  { href: "/admin", label: "Dashboard", exact: true, inNav: true, keywords: ["home", "low stock", "tiles"] },
  { href: "/admin/orders", label: "Orders", inNav: true, keywords: ["fulfil", "ship", "cancel", "returns", "SR-"] },
  { href: "/admin/inventory", label: "Inventory", inNav: true, keywords: ["stock", "variants", "sku"] },
  { href: "/admin/reservations", label: "Reservations", inNav: true, keywords: ["holds", "carts"] },
  { href: "/admin/bulk", label: "Bulk updates", inNav: true, keywords: ["csv", "upload", "import"] },
  { href: "/admin/bulk/history", label: "Bulk upload history", keywords: ["csv", "uploads", "refused"] },
  { href: "/admin/alerts", label: "Alerts", adminOnly: true, inNav: true, keywords: ["thresholds", "channels", "notifications"] },
  { href: "/admin/users", label: "Users", adminOnly: true, inNav: true, keywords: ["people", "roles"] },
  { href: "/admin/audit", label: "Audit", adminOnly: true, inNav: true, keywords: ["log", "history"] },
  { href: "/admin/account", label: "Your account", keywords: ["sessions", "password", "sign out"] },
];

export function pagesFor(role: "ADMIN" | "OPS"): AdminPage[] {
  return ADMIN_PAGES.filter((page) => !page.adminOnly || role === "ADMIN");
}
