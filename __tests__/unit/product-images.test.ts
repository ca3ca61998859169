import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { CATALOGUE } from "@/prisma/seed-data";
import { lineName, variantImageUrl, variantLabel } from "@/lib/store/variant-display";

const PUBLIC = path.join(process.cwd(), "public");

describe("product images", () => {
  it("every seeded colour has its own image, and it exists", () => {
    for (const def of CATALOGUE.filter((d) => d.colours)) {
      const base = `/products/${def.slug}.svg`;
      const urls = def.colours!.map((c) => variantImageUrl(base, { color: c.name, size: "M" }));
      expect(new Set(urls).size).toBe(def.colours!.length);
      for (const url of urls) {
        expect(url).not.toBe(base);
        expect(existsSync(path.join(PUBLIC, url))).toBe(true);
      }
    }
  });

  it("each colour image draws the garment in that colour's swatch and names the colour", () => {
    const white = readFileSync(path.join(PUBLIC, variantImageUrl("/products/organic-cotton-tee.svg", { color: "White" })), "utf8");
    const black = readFileSync(path.join(PUBLIC, variantImageUrl("/products/organic-cotton-tee.svg", { color: "Black" })), "utf8");
    expect(white).not.toBe(black);
    expect(white).toContain('aria-label="Organic Cotton Tee, White"');
  });

  it("falls back to the product image without a colour or for an unknown one", () => {
    expect(variantImageUrl("/products/canvas-tote-bag.svg", {})).toBe("/products/canvas-tote-bag.svg");
    expect(variantImageUrl("/products/organic-cotton-tee.svg", { color: "Purple" })).toBe("/products/organic-cotton-tee.svg");
    expect(variantImageUrl("/uploads/x.png", null)).toBe("/uploads/x.png");
  });

  it("no product image prints the name or category (the card prints them once, below it)", () => {
    const files = readdirSync(path.join(PUBLIC, "products"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".svg"));
    expect(files.length).toBeGreaterThanOrEqual(CATALOGUE.length);
    for (const file of files) expect(readFileSync(path.join(PUBLIC, "products", file), "utf8")).not.toMatch(/<text\b/);
  });
});

describe("variant names", () => {
  it("a default variant has no label of its own", () => {
    expect(variantLabel("Default")).toBeNull();
    expect(variantLabel(" default ")).toBeNull();
    expect(variantLabel("")).toBeNull();
    expect(variantLabel("Black / M")).toBe("Black / M");
    expect(lineName("Canvas Tote Bag", "Default")).toBe("Canvas Tote Bag");
    expect(lineName("Organic Cotton Tee", "Black / M")).toBe("Organic Cotton Tee · Black / M");
  });
});
