// The only module that changes stock (rule 2 of DESIGN.md).
export { InsufficientStockError, InventoryError, isInventoryError, type InventoryErrorCode } from "./errors";
export { getProductSnapshot, getStockInfo, summarize, type StockInfo } from "./stock-info";
export {
  commitReservation, listSessionHolds, releaseHoldAsStaff, releaseReservation, reserveStock, startHoldSweeper, sweepExpiredHolds,
  type CommittedOrder, type ReserveStockResult, type SessionHold, type StaffReleaseInput,
} from "./holds";
export { adjustStock, receiveStock, recordDamage, recordReturn, transferStock } from "./operations";
export { verifyLedger, type LedgerReport } from "./ledger";
export {
  cancelOrder, cancelOrderAsShopper, disposeReturn, fulfilOrder, receiveReturn,
  type CancelOrderInput, type DisposeReturnInput, type FulfilOrderInput, type ReturnOrderInput, type ShopperCancelInput, type TransitionResult,
} from "./orders";
export { allocateBackorders, type BackorderAllocation } from "./allocation";
export { releaseSetAside, setAsideStock, unavailableBreakdown, type ReleaseSetAsideInput, type SetAsideStockInput, type UnavailableBreakdown } from "./unavailable";
export { afterStockChange } from "./after-commit";
export { setLowStockThreshold, setSafetyStock, updateVariantSettings, type LowStockThresholdInput, type SafetyStockInput, type VariantSettingsInput } from "./settings";
export { endFlashSale, getFlashSaleStatus, startFlashSale, type FlashSaleStatus } from "./flash-sale";
