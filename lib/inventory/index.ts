// The only module that changes stock (rule 2 of DESIGN.md).
export { InsufficientStockError, InventoryError, isInventoryError, type InventoryErrorCode } from "./errors";
export { getProductSnapshot, getStockInfo, summarize, type StockInfo } from "./stock-info";
export { listSessionHolds, releaseReservation, reserveStock, type ReserveStockResult, type SessionHold } from "./reservations";
export { commitReservation, type CommittedOrder } from "./commit";
export { adjustStock, receiveStock, recordDamage, recordReturn, transferStock } from "./operations";
export { verifyLedger, type LedgerReport } from "./ledger";
export { startHoldSweeper, sweepExpiredHolds } from "./sweeper";
export { afterStockChange } from "./after-commit";
export { setLowStockThreshold, setSafetyStock, updateVariantSettings, type LowStockThresholdInput, type SafetyStockInput, type VariantSettingsInput } from "./settings";
export { releaseHoldAsStaff, type StaffReleaseInput } from "./staff-release";
export { endFlashSale, getFlashSaleStatus, startFlashSale, type FlashSaleStatus } from "./flash-sale";
