-- CreateEnum
CREATE TYPE "OrderEventType" AS ENUM ('FULFILMENT', 'CANCELLATION', 'RETURN', 'RESTOCK', 'WRITE_OFF');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MovementType" ADD VALUE 'COMMIT';
ALTER TYPE "MovementType" ADD VALUE 'FULFILMENT';
ALTER TYPE "MovementType" ADD VALUE 'CANCELLATION';
ALTER TYPE "MovementType" ADD VALUE 'ALLOCATION';
ALTER TYPE "MovementType" ADD VALUE 'RESTOCK';
ALTER TYPE "MovementType" ADD VALUE 'WRITE_OFF';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderStatus" ADD VALUE 'PARTIALLY_FULFILLED';
ALTER TYPE "OrderStatus" ADD VALUE 'FULFILLED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ORDER_CONFIRMED';
ALTER TYPE "NotificationKind" ADD VALUE 'ORDER_SHIPPED';
ALTER TYPE "NotificationKind" ADD VALUE 'ORDER_CANCELLED';

-- AlterTable
ALTER TABLE "StockLevel" ADD COLUMN     "committed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unavailable" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "InventoryMovement" ADD COLUMN     "backorderedDelta" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "committedDelta" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unavailableDelta" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
-- Order numbers (shown as SR-10001, SR-10002, ...): existing orders are
-- numbered in the order they were placed, new ones continue the sequence.
CREATE SEQUENCE "Order_number_seq" AS INTEGER START WITH 10001;
ALTER TABLE "Order" ADD COLUMN "number" INTEGER,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "Order" o SET "number" = n.number
FROM (SELECT "id", nextval('"Order_number_seq"') AS number FROM (SELECT "id" FROM "Order" ORDER BY "createdAt", "id") x) n
WHERE o."id" = n."id";
ALTER TABLE "Order" ALTER COLUMN "number" SET DEFAULT nextval('"Order_number_seq"'), ALTER COLUMN "number" SET NOT NULL;
ALTER SEQUENCE "Order_number_seq" OWNED BY "Order"."number";

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "cancelledQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fulfilledQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "restockedQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "returnedQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "writtenOffQuantity" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "type" "OrderEventType" NOT NULL,
    "lines" JSONB NOT NULL DEFAULT '[]',
    "warehouseId" UUID,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "trackingNumber" TEXT,
    "refundCents" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_createdAt_idx" ON "OrderEvent"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "InventoryMovement_reference_idx" ON "InventoryMovement"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE INDEX "Order_status_createdAt_idx" ON "Order"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Order_email_idx" ON "Order"("email");

-- Guards (see stock_checks): no order line or stock level can hold impossible quantities.
ALTER TABLE "StockLevel"
  ADD CONSTRAINT "StockLevel_committed_nonnegative" CHECK ("committed" >= 0),
  ADD CONSTRAINT "StockLevel_unavailable_in_range" CHECK ("unavailable" BETWEEN 0 AND "onHand");
ALTER TABLE "OrderLine"
  ADD CONSTRAINT "OrderLine_closed_in_range" CHECK ("fulfilledQuantity" >= 0 AND "cancelledQuantity" >= 0 AND "fulfilledQuantity" + "cancelledQuantity" <= "quantity"),
  ADD CONSTRAINT "OrderLine_returned_in_range" CHECK ("returnedQuantity" BETWEEN 0 AND "fulfilledQuantity"),
  ADD CONSTRAINT "OrderLine_disposed_in_range" CHECK ("restockedQuantity" >= 0 AND "writtenOffQuantity" >= 0 AND "restockedQuantity" + "writtenOffQuantity" <= "returnedQuantity");
ALTER TABLE "OrderLine" DROP CONSTRAINT "OrderLine_backordered_in_range",
  ADD CONSTRAINT "OrderLine_backordered_in_range" CHECK ("backorderedQuantity" BETWEEN 0 AND "quantity" - "fulfilledQuantity" - "cancelledQuantity");

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
