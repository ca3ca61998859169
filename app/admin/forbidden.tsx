import Link from "next/link";

/** Rendered with HTTP 403 when requirePageUser calls forbidden(): the role is too low. */
export default function Forbidden() {
  return (
    <section className="mx-auto max-w-md space-y-3" data-testid="forbidden">
      <title>Not allowed · Admin · Stockroom</title>
      <h1 className="text-2xl font-semibold tracking-tight">You do not have access to this page</h1>
      <p className="text-zinc-600">Your role does not allow it. Ask an admin if you need access.</p>
      <Link href="/admin" className="text-brand-700 hover:underline">
        Back to the dashboard
      </Link>
    </section>
  );
}
