-- CreateEnum
CREATE TYPE "UnavailableReason" AS ENUM ('RETURN_INSPECTION', 'QUALITY_CONTROL', 'DAMAGED');

-- AlterEnum
ALTER TYPE "MovementType" ADD VALUE 'SET_ASIDE';

-- AlterTable
ALTER TABLE "InventoryMovement" ADD COLUMN     "unavailableReason" "UnavailableReason";

-- Units made unavailable so far were all returns awaiting inspection.
UPDATE "InventoryMovement" SET "unavailableReason" = 'RETURN_INSPECTION' WHERE "unavailableDelta" <> 0;
ALTER TABLE "InventoryMovement" ADD CONSTRAINT "InventoryMovement_unavailable_has_reason"
  CHECK (("unavailableDelta" = 0) = ("unavailableReason" IS NULL));
