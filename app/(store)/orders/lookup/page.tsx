import type { Metadata } from "next";
import { OrderLookupForm } from "@/components/store/order-lookup-form";

export const metadata: Metadata = { title: "Find an order" };

export default function OrderLookupPage() {
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Find an order</h1>
      <p className="text-sm text-zinc-600">Enter the order number from your confirmation email and the email address you ordered with.</p>
      <div className="rounded-lg border border-zinc-200 bg-white p-4">
        <OrderLookupForm />
      </div>
    </section>
  );
}
