/*
 * Cart holds: a shopper's claim on stock for a while (RESERVATION_TTL_SECONDS).
 * Every step of a hold's life lives in this folder, and every decision is made
 * in PostgreSQL under the variant's row locks (global order: a variant's stock
 * levels by id, then its flash-sale buckets by slot), never from a cache.
 *
 * 1. reserve (reservations.ts): reserveStock sets the session's hold on a
 *    variant to an exact quantity (0 releases it); idempotent, and each call
 *    extends the expiry.
 * 2. batch (hold-batcher.ts): concurrent requests of one process go together
 *    into one stockroom_hold_batch call (group commit) on a lane; a variant
 *    locked elsewhere comes back RETRY and is decided on its own exact lane;
 *    flash-sale variants draw from buckets. The after-commit step (cache,
 *    events, alerts) is coalesced per process (after-commit-coalescer.ts).
 * 3. end, one of:
 *    - commit (commit.ts): checkout turns the session's holds into an order
 *      in one transaction (on hand down, holds consumed, SALE movements,
 *      backorders where the policy allows); an expired hold still goes
 *      through if its units are still free;
 *    - release: by the shopper (releaseReservation, quantity 0) or by staff
 *      (staff-release.ts, who is recorded on the RELEASE movements);
 *    - expire: at expiresAt a hold stops counting at once — every read goes
 *      through stockroom_level_stock, which leaves expired holds out — and a
 *      hold decision that would refuse reclaims expired holds first;
 *    - sweep (sweeper.ts): expired holds are deleted in the background with
 *      RELEASE movements, keeping the reserved counters and the ledger tidy.
 */
export { listSessionHolds, releaseReservation, reserveStock, type ReserveStockResult, type SessionHold } from "./reservations";
export { commitReservation, type CommittedOrder } from "./commit";
export { startHoldSweeper, sweepExpiredHolds } from "./sweeper";
export { releaseHoldAsStaff, type StaffReleaseInput } from "./staff-release";
