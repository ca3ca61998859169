// The inventory module's errors are part of the one hierarchy in lib/errors.ts.
export { InsufficientStockError, InventoryError, isInventoryError, type InventoryErrorCode } from "@/lib/errors";
