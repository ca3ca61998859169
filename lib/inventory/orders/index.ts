// Order lifecycle transitions (DESIGN.md "Order lifecycle"): each one
// transaction, idempotent per event id, race-safe (see transition.ts).
export { fulfilOrder, type FulfilOrderInput } from "./fulfil";
export { cancelOrder, cancelOrderAsShopper, type CancelOrderInput, type ShopperCancelInput } from "./cancel";
export { disposeReturn, receiveReturn, type DisposeReturnInput, type ReturnOrderInput } from "./returns";
export { enqueueOrderEmail, type TransitionResult } from "./transition";
