import { describe, expect, it } from "@jest/globals";
import { buildTimeline, type OrderEventRow, type OrderMovementRow } from "@/lib/admin/order-timeline";
import { orderNumberSchema } from "@/lib/validation/orders";
import { lineFigures, lineStates } from "@/lib/store/order-lines";

const counters = { quantity: 5, backorderedQuantity: 1, fulfilledQuantity: 2, cancelledQuantity: 1, returnedQuantity: 2, restockedQuantity: 1, writtenOffQuantity: 0 };

describe("order line states", () => {
  it("derives every state from the line's counters", () => {
    const f = lineFigures(counters);
    expect(f).toEqual({ ordered: 5, committed: 1, backordered: 1, open: 2, fulfilled: 2, cancelled: 1, returned: 2, awaitingInspection: 1, restocked: 1, writtenOff: 0, returnable: 0 });
    expect(lineStates(f).map((p) => `${p.quantity} ${p.state}`)).toEqual(["1 committed", "1 backordered", "2 fulfilled", "1 cancelled", "2 returned", "1 awaitingInspection", "1 restocked"]);
  });

  it("a fresh line is only committed (or backordered)", () => {
    const fresh = { ...counters, backorderedQuantity: 0, fulfilledQuantity: 0, cancelledQuantity: 0, returnedQuantity: 0, restockedQuantity: 0 };
    expect(lineStates(lineFigures(fresh))).toEqual([{ state: "committed", quantity: 5 }]);
    expect(lineStates(lineFigures({ ...fresh, backorderedQuantity: 5 }))).toEqual([{ state: "backordered", quantity: 5 }]);
  });
});

describe("order number search", () => {
  it.each([["SR-10042", 10042], ["sr10042", 10042], [" 10042 ", 10042], ["SR-", null], ["ada@example.com", null], ["SR-1234567890", null]])("%p → %p", (term, number) => {
    const parsed = orderNumberSchema.safeParse(term);
    expect(parsed.success ? parsed.data : null).toBe(number);
  });
});

describe("order timeline", () => {
  const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 12, 0, s));
  const move = (id: string, type: OrderMovementRow["type"], s: number, createdBy: string, deltas: Partial<OrderMovementRow> = {}): OrderMovementRow => ({
    id, type, variantId: "v", sku: "SKU", warehouseCode: "MAIN", createdAt: at(s), createdBy, notes: null, onHand: 0, committed: 0, backordered: 0, unavailable: 0, ...deltas,
  });
  const event = (id: string, type: OrderEventRow["type"], s: number, actor: string): OrderEventRow => ({
    id, type, actor, note: null, trackingNumber: null, refundCents: null, warehouseCode: null, createdAt: at(s), lines: [],
  });

  it("gives each event the ledger rows of its own transaction, and keeps the rest as ledger entries, oldest first", () => {
    const movements = [
      move("1", "COMMIT", 0, "checkout", { committed: 2 }),
      move("2", "FULFILMENT", 10, "ops@x", { onHand: -1, committed: -1 }),
      move("3", "FULFILMENT", 20, "ops@x", { onHand: -1, committed: -1 }),
      move("4", "ALLOCATION", 25, "receiving@x", { backordered: -1 }),
      move("5", "ALLOCATION", 25, "receiving@x", { backordered: -1 }),
    ];
    const events = [event("a", "FULFILMENT", 10, "ops@x"), event("b", "FULFILMENT", 20, "ops@x")];
    const timeline = buildTimeline(events, movements);
    expect(timeline.map((e) => [e.kind, e.kind === "event" ? e.event.id : e.type, e.movements.map((m) => m.id)])).toEqual([
      ["ledger", "COMMIT", ["1"]],
      ["event", "a", ["2"]],
      ["event", "b", ["3"]],
      ["ledger", "ALLOCATION", ["4", "5"]],
    ]);
  });

  it("never claims another actor's rows, later rows, or rows long before the event", () => {
    const movements = [move("1", "CANCELLATION", 0, "ops@x"), move("2", "CANCELLATION", 30, "shopper"), move("3", "CANCELLATION", 40, "shopper")];
    const timeline = buildTimeline([event("a", "CANCELLATION", 30, "shopper")], movements);
    expect(timeline.map((e) => [e.kind, e.movements.map((m) => m.id)])).toEqual([["ledger", ["1"]], ["event", ["2"]], ["ledger", ["3"]]]);
  });
});
