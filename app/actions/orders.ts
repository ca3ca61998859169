"use server";

import { defineAction } from "@/lib/actions";
import { cancelForm, disposeForm, fulfilForm, returnForm } from "@/lib/admin/order-forms";
import { cancelOrder, disposeReturn, fulfilOrder, receiveReturn } from "@/lib/inventory";

// Order lifecycle actions of the admin order page. OPS and ADMIN may act;
// the acting user's email is the event's and the movements' actor (from the
// session, never the form). Each form posts the eventId its page issued, so
// a double submit or a retry after a lost answer applies once (the second
// answer says alreadyApplied). Refusals (over-fulfil, cancel after shipping,
// return more than shipped) come back typed: ORDER_STATE, VALIDATION,
// NOT_FOUND — shown on the form, never a 500. Pages are dynamic: the client
// refreshes them after success.

export const fulfilOrderAction = defineAction({
  name: "orders.fulfil",
  access: "OPS",
  input: fulfilForm,
  handler: (input, { user }) => fulfilOrder({ ...input, actor: user.email }),
});

export const cancelOrderAction = defineAction({
  name: "orders.cancel",
  access: "OPS",
  input: cancelForm,
  handler: (input, { user }) => cancelOrder({ ...input, actor: user.email }),
});

export const receiveReturnAction = defineAction({
  name: "orders.receiveReturn",
  access: "OPS",
  input: returnForm,
  handler: (input, { user }) => receiveReturn({ ...input, actor: user.email }),
});

export const disposeReturnAction = defineAction({
  name: "orders.disposeReturn",
  access: "OPS",
  input: disposeForm,
  handler: (input, { user }) => disposeReturn({ ...input, actor: user.email }),
});
