-- CreateTable
CREATE TABLE "StockBucket" (
    "variantId" UUID NOT NULL,
    "warehouseId" UUID NOT NULL,
    "slot" INTEGER NOT NULL,
    "free" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockBucket_pkey" PRIMARY KEY ("variantId","slot","warehouseId")
);

-- AddForeignKey
ALTER TABLE "StockBucket" ADD CONSTRAINT "StockBucket_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockBucket" ADD CONSTRAINT "StockBucket_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
