import { afterEach, describe, expect, it, jest } from "@jest/globals";

// Links in emails must point at the port the store really serves on.
const saved = { PORT: process.env.PORT, PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function loadEnv() {
  let loaded: typeof import("@/lib/env").env | undefined;
  jest.isolateModules(() => {
    loaded = (jest.requireActual("@/lib/env") as typeof import("@/lib/env")).env;
  });
  return loaded!;
}

describe("PUBLIC_BASE_URL", () => {
  it("defaults to localhost on PORT", () => {
    delete process.env.PUBLIC_BASE_URL;
    process.env.PORT = "4123";
    expect(loadEnv().PUBLIC_BASE_URL).toBe("http://localhost:4123");
  });

  it("defaults to port 3000 without PORT, and an explicit value wins", () => {
    delete process.env.PUBLIC_BASE_URL;
    delete process.env.PORT;
    expect(loadEnv().PUBLIC_BASE_URL).toBe("http://localhost:3000");
    process.env.PUBLIC_BASE_URL = "https://shop.example.com";
    process.env.PORT = "4123";
    expect(loadEnv().PUBLIC_BASE_URL).toBe("https://shop.example.com");
  });
});
