"use client";

import { cancelMyOrderAction } from "@/app/actions/my-orders";
import { ActionForm } from "@/components/ui/action-form";

/** "Cancel what has not shipped": asks first; the eventId the page issued makes a double click one cancellation. */
export function CancelOrderForm({ orderId, eventId, shippedAny }: { orderId: string; eventId: string; shippedAny: boolean }) {
  return (
    <ActionForm
      action={cancelMyOrderAction}
      label="Cancel order"
      submitLabel={shippedAny ? "Cancel what has not shipped" : "Cancel order"}
      success="Cancelled. You will not be charged for the cancelled items."
      className="space-y-2"
      resetOnSuccess={false}
      confirm={{
        title: shippedAny ? "Cancel the items that have not shipped?" : "Cancel this order?",
        description: shippedAny
          ? "Everything not shipped yet is cancelled. Items already on their way are not affected; you can return them instead. This cannot be undone."
          : "Every item of this order is cancelled. This cannot be undone.",
        confirmLabel: shippedAny ? "Cancel what has not shipped" : "Cancel order",
      }}
    >
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="eventId" value={eventId} />
    </ActionForm>
  );
}
