import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16 text-center">
      <h1 className="text-3xl font-semibold">Page not found</h1>
      <p className="text-zinc-600">The page you were looking for does not exist or is no longer available.</p>
      <Link href="/" className={buttonStyles()}>Back to the shop</Link>
    </main>
  );
}
