// What each unit of an order line is doing now, from the line's counters
// (one definition for the admin and the shopper pages). The domain keeps:
// open = quantity - fulfilled - cancelled, of which `backordered` are not
// covered by stock yet; returned units are part of fulfilled, and wait for
// inspection until restocked or written off.

/** Order forms post one quantity input per line, named `qty:<orderLineId>`. */
export const LINE_FIELD_PREFIX = "qty:";

export type LineCounters = {
  quantity: number; backorderedQuantity: number; fulfilledQuantity: number; cancelledQuantity: number;
  returnedQuantity: number; restockedQuantity: number; writtenOffQuantity: number;
};

export type LineFigures = {
  ordered: number;
  /** Open units covered by stock: committed, ready to ship. */
  committed: number;
  backordered: number;
  /** Not shipped and not cancelled (committed + backordered): what may still be cancelled. */
  open: number;
  fulfilled: number;
  cancelled: number;
  returned: number;
  awaitingInspection: number;
  restocked: number;
  writtenOff: number;
  /** Shipped and not returned yet: what a return may still take back. */
  returnable: number;
};

export function lineFigures(l: LineCounters): LineFigures {
  const open = l.quantity - l.fulfilledQuantity - l.cancelledQuantity;
  return {
    ordered: l.quantity,
    committed: open - l.backorderedQuantity,
    backordered: l.backorderedQuantity,
    open,
    fulfilled: l.fulfilledQuantity,
    cancelled: l.cancelledQuantity,
    returned: l.returnedQuantity,
    awaitingInspection: l.returnedQuantity - l.restockedQuantity - l.writtenOffQuantity,
    restocked: l.restockedQuantity,
    writtenOff: l.writtenOffQuantity,
    returnable: l.fulfilledQuantity - l.returnedQuantity,
  };
}

export type LineStatePart = { state: "committed" | "backordered" | "fulfilled" | "cancelled" | "returned" | "awaitingInspection" | "restocked" | "writtenOff"; quantity: number };

/** The non-zero states of a line, in lifecycle order (a line may be in several: 1 shipped, 1 cancelled). */
export function lineStates(f: LineFigures): LineStatePart[] {
  const parts: LineStatePart[] = [
    { state: "committed", quantity: f.committed },
    { state: "backordered", quantity: f.backordered },
    { state: "fulfilled", quantity: f.fulfilled },
    { state: "cancelled", quantity: f.cancelled },
    { state: "returned", quantity: f.returned },
    { state: "awaitingInspection", quantity: f.awaitingInspection },
    { state: "restocked", quantity: f.restocked },
    { state: "writtenOff", quantity: f.writtenOff },
  ];
  return parts.filter((p) => p.quantity > 0);
}
