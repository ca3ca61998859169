// The demo catalogue written by prisma/seed.ts. Plain data only: no Prisma, no I/O.

export const ADMIN_EMAIL = "admin@stockroom.test";

export const USERS = [
  { email: ADMIN_EMAIL, password: "admin-password", role: "ADMIN", name: "Avery Admin" },
  { email: "ops@stockroom.test", password: "ops-password", role: "OPS", name: "Olli Ops" },
] as const;

export const WAREHOUSES = [
  { code: "MAIN", name: "Main warehouse", priority: 0 },
  { code: "EAST", name: "East fulfilment centre", priority: 1 },
] as const;

// Enabled, so the demo's low-stock and back-in-stock messages visibly go out:
// with no SMTP_URL configured, email channels write each message to the log.
export const ALERT_CHANNEL = {
  type: "EMAIL",
  name: "Ops email (demo: written to the server log)",
  target: "ops@stockroom.test",
  enabled: true,
} as const;

export type Colour = { name: string; code: string };

export type ProductDef = {
  slug: string;
  name: string;
  category: string;
  priceCents: number;
  description: string;
  /** Apparel and shoes: SKU prefix, the variant SKU appends colour code and size. */
  skuPrefix?: string;
  /** Single-variant products: the one SKU. */
  sku?: string;
  colours?: Colour[];
  sizes?: readonly string[];
  /** Per-size price overrides in cents (e.g. bigger sizes cost more). */
  sizePrices?: Record<string, number>;
};

export const APPAREL_SIZES = ["XS", "S", "M", "L", "XL"] as const;
export const SHOE_SIZES = ["38", "39", "40", "41", "42", "43", "44", "45"] as const;

const BLACK = { name: "Black", code: "BLK" };
const WHITE = { name: "White", code: "WHT" };
const OLIVE = { name: "Olive", code: "OLV" };
const NAVY = { name: "Navy", code: "NVY" };
const SAND = { name: "Sand", code: "SND" };
const GREY = { name: "Heather Grey", code: "GRY" };
const FOREST = { name: "Forest", code: "FST" };
const YELLOW = { name: "Signal Yellow", code: "YLW" };

/** The single variant that is not yet released (PREORDER) and the one sold out but on BACKORDER. */
export const PREORDER_SKU = "STA-PLAN-2027";
export const BACKORDER_SKU = "HOOD-CLS-GRY-M";
export const PREORDER_RESTOCK = new Date("2026-12-15T00:00:00Z");
export const BACKORDER_RESTOCK = new Date("2026-12-05T00:00:00Z");

export const CATALOGUE: ProductDef[] = [
  // T-shirts
  { slug: "organic-cotton-tee", name: "Organic Cotton Tee", category: "T-Shirts", priceCents: 2800, skuPrefix: "TEE-ORG", colours: [BLACK, WHITE, OLIVE], sizes: APPAREL_SIZES,
    description: "A midweight crew-neck tee in 180 g organic cotton. Pre-shrunk, so it keeps its shape wash after wash." },
  { slug: "heavyweight-pocket-tee", name: "Heavyweight Pocket Tee", category: "T-Shirts", priceCents: 3400, skuPrefix: "TEE-HVY", colours: [NAVY, SAND], sizes: APPAREL_SIZES,
    description: "Boxy 240 g jersey with a chest pocket and a ribbed collar that does not sag." },
  // Hoodies
  { slug: "classic-pullover-hoodie", name: "Classic Pullover Hoodie", category: "Hoodies", priceCents: 6800, skuPrefix: "HOOD-CLS", colours: [GREY, BLACK], sizes: APPAREL_SIZES,
    description: "Brushed-back fleece with a double-layer hood and a kangaroo pocket. Our best seller for a reason." },
  { slug: "zip-fleece-hoodie", name: "Zip Fleece Hoodie", category: "Hoodies", priceCents: 7400, skuPrefix: "HOOD-ZIP", colours: [FOREST, NAVY], sizes: APPAREL_SIZES,
    description: "A full-zip hoodie in recycled polyester fleece with zipped hand pockets." },
  // Jackets
  { slug: "packable-rain-shell", name: "Packable Rain Shell", category: "Jackets", priceCents: 12900, skuPrefix: "JKT-RAIN", colours: [YELLOW, BLACK], sizes: APPAREL_SIZES, sizePrices: { XL: 13900 },
    description: "Fully taped 2.5-layer waterproof shell that packs into its own chest pocket." },
  { slug: "quilted-liner-jacket", name: "Quilted Liner Jacket", category: "Jackets", priceCents: 14900, skuPrefix: "JKT-QLT", colours: [OLIVE, NAVY], sizes: APPAREL_SIZES, sizePrices: { XL: 15900 },
    description: "A light onion-quilted jacket with synthetic fill. Wear it alone in autumn or under a shell in winter." },
  // Shoes
  { slug: "everyday-runner", name: "Everyday Runner", category: "Shoes", priceCents: 11900, skuPrefix: "SHOE-RUN", sizes: SHOE_SIZES, sizePrices: { "45": 12900 },
    description: "A cushioned knit runner for daily miles and long days on your feet. Runs true to size." },
  { slug: "canvas-low-top", name: "Canvas Low Top", category: "Shoes", priceCents: 6900, skuPrefix: "SHOE-CNV", sizes: SHOE_SIZES,
    description: "Vulcanised rubber sole, cotton canvas upper and a cushioned insole. A classic that goes with everything." },
  // Bags
  { slug: "canvas-tote-bag", name: "Canvas Tote Bag", category: "Bags", priceCents: 2400, sku: "BAG-TOTE-NAT",
    description: "Heavy 16 oz canvas tote with an inside pocket. Big enough for the weekly shop." },
  { slug: "roll-top-backpack", name: "Roll-Top Backpack", category: "Bags", priceCents: 8900, sku: "BAG-ROLL-BLK",
    description: "A 24-litre waterproof roll-top with a padded laptop sleeve and a side bottle pocket." },
  { slug: "everyday-crossbody", name: "Everyday Crossbody", category: "Bags", priceCents: 4900, sku: "BAG-XBDY-OLV",
    description: "A compact crossbody for phone, keys and wallet, with an adjustable webbing strap." },
  { slug: "weekender-duffel", name: "Weekender Duffel", category: "Bags", priceCents: 11900, sku: "BAG-DUFF-NVY",
    description: "A 40-litre waxed canvas duffel with leather handles. Fits most cabin-bag limits." },
  // Headwear
  { slug: "ribbed-beanie", name: "Ribbed Beanie", category: "Headwear", priceCents: 2200, sku: "HAT-BEAN-RST",
    description: "A chunky rib-knit beanie in soft merino blend, with a fold-over cuff." },
  { slug: "six-panel-cap", name: "Six-Panel Cap", category: "Headwear", priceCents: 2600, sku: "HAT-CAP-NVY",
    description: "Washed cotton twill cap with a curved brim and a brass buckle strap." },
  { slug: "bucket-hat", name: "Bucket Hat", category: "Headwear", priceCents: 2900, sku: "HAT-BUCK-SND",
    description: "A packable ripstop bucket hat that shrugs off a summer shower." },
  // Accessories
  { slug: "merino-crew-socks", name: "Merino Crew Socks", category: "Accessories", priceCents: 1600, sku: "ACC-SOCK-GRY",
    description: "Cushioned merino socks that stay warm when damp and do not hold on to odour." },
  { slug: "leather-card-wallet", name: "Leather Card Wallet", category: "Accessories", priceCents: 3900, sku: "ACC-WALL-TAN",
    description: "Slim vegetable-tanned leather wallet with four card slots. It darkens beautifully with use." },
  { slug: "woven-webbing-belt", name: "Woven Webbing Belt", category: "Accessories", priceCents: 3200, sku: "ACC-BELT-OLV",
    description: "A stretch-woven belt with a matte metal buckle. One size, cut to fit." },
  { slug: "insulated-steel-bottle", name: "Insulated Steel Bottle", category: "Accessories", priceCents: 3400, sku: "ACC-BTL-750",
    description: "A 750 ml double-walled bottle that keeps drinks cold for 24 hours or hot for 12." },
  { slug: "lambswool-scarf", name: "Lambswool Scarf", category: "Accessories", priceCents: 4400, sku: "ACC-SCRF-CHK",
    description: "A soft brushed lambswool scarf in a muted check, woven in Scotland." },
  { slug: "canvas-keyring", name: "Canvas Keyring", category: "Accessories", priceCents: 900, sku: "ACC-KEY-NAT",
    description: "A canvas loop keyring with a solid brass clip. Small, sturdy and hard to lose." },
  { slug: "compact-umbrella", name: "Compact Umbrella", category: "Accessories", priceCents: 3600, sku: "ACC-UMB-BLK",
    description: "A windproof folding umbrella with a recycled canopy and an auto open-close button." },
  { slug: "polarised-sunglasses", name: "Polarised Sunglasses", category: "Accessories", priceCents: 7900, sku: "ACC-SUN-TRT",
    description: "Acetate frames in tortoiseshell with polarised, UV400 lenses and a hard case." },
  // Stationery
  { slug: "dot-grid-notebook", name: "Dot Grid Notebook", category: "Stationery", priceCents: 1400, sku: "STA-NOTE-A5",
    description: "A5 lay-flat notebook with 192 pages of 100 gsm dot-grid paper that fountain pens love." },
  { slug: "weekly-planner-2027", name: "Weekly Planner 2027", category: "Stationery", priceCents: 2600, sku: PREORDER_SKU,
    description: "Our 2027 week-on-two-pages planner, clothbound with a ribbon marker. Ships mid-December." },
  // Home
  { slug: "enamel-camp-mug", name: "Enamel Camp Mug", category: "Home", priceCents: 1800, sku: "HOME-MUG-WHT",
    description: "A 350 ml enamelled steel mug, at home on the stove or on the desk." },
  { slug: "wool-throw-blanket", name: "Wool Throw Blanket", category: "Home", priceCents: 8900, sku: "HOME-THRW-OAT",
    description: "A generous 130 × 180 cm throw in recycled wool, for the sofa or the back of the car." },
];

export const NOTES = {
  PURCHASE_ORDER: ["Received from supplier", "Opening stock received", "Delivery checked in"],
  SALE: ["Online order", "Online order", "Online order", "Pop-up shop sale"],
  WHOLESALE: ["Wholesale order"],
  RETURN: ["Customer return, resaleable", "Return: wrong size", "Return: changed mind"],
  DAMAGE: ["Damaged in transit", "Water damage found during pick", "Faulty item written off"],
  ADJUST_UP: ["Cycle count: found extra units"],
  ADJUST_DOWN: ["Cycle count: units missing"],
};
