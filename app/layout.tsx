import type { Metadata } from "next";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stockroom", template: "%s · Stockroom" },
  description: "A storefront with honest, live stock.",
};

// The storefront ((store)/layout.tsx) and the admin (admin/layout.tsx) bring their own headers.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        {children}
        {/* Top right just below the headers (full width on phones): never over the Cart link or the navigation,
            and never over a phone's bottom edge, where "Place order" and "Add to cart" sit. */}
        <Toaster richColors position="top-right" offset={{ top: 72, right: 24 }} mobileOffset={{ top: 68, left: 12, right: 12 }} visibleToasts={3} />
      </body>
    </html>
  );
}
