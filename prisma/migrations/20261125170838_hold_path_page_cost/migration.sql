-- Index probes for the hold path, however small the catalogue.
--
-- The hold batch looks up a few stock levels out of many by variant id
-- (`"variantId" = ANY (...)`). With the default random_page_cost (4, a
-- spinning-disk figure) the planner prefers a sequential scan of StockLevel
-- while the catalogue has fewer than a few thousand levels - and StockLevel is
-- the hottest, most-updated table there is, so each such scan walks every
-- level and its not-yet-pruned versions three times per batch. Measured with
-- reserve-spread (1,000 variants): a batch of 16 holds 2.0-2.3 ms -> 1.7 ms.
-- The working set of these functions is in shared buffers, where a random
-- page costs about what a sequential one does, so they plan with 1.1 (the
-- usual figure for SSD or cached data); the rest of the database is left to
-- the server's configuration. Set on the entry points (nested calls inherit
-- it); stockroom_hold_batch and stockroom_variant_nets carry it in their
-- definitions (migration variant_nets).
ALTER FUNCTION stockroom_set_holds(uuid[], text[], int[], timestamptz[], timestamptz, int[], boolean) SET random_page_cost = 1.1;
ALTER FUNCTION stockroom_sweep_variant(uuid, timestamptz) SET random_page_cost = 1.1;
