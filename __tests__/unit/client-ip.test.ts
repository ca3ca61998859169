import { describe, expect, it } from "@jest/globals";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { PEER_HEADER } from "@/lib/http/peer-address";

const headers = (peer: string | null, forwardedFor?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
};

describe("clientIpFromHeaders", () => {
  it("without trusted proxies is the TCP peer, whatever X-Forwarded-For claims", () => {
    expect(clientIpFromHeaders(headers("198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientIpFromHeaders(headers("198.51.100.7", "203.0.113.1"), 0)).toBe("198.51.100.7");
    expect(clientIpFromHeaders(headers("198.51.100.7", "198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("behind N proxies is the N-th address from the right; what the client prepends cannot move it", () => {
    // client 203.0.113.9 → proxy A (10.0.0.1) → proxy B (10.0.0.2) → app
    expect(clientIpFromHeaders(headers("10.0.0.2", "203.0.113.9, 10.0.0.1"), 2)).toBe("203.0.113.9");
    expect(clientIpFromHeaders(headers("10.0.0.2", "1.2.3.4, 5.6.7.8, 203.0.113.9, 10.0.0.1"), 2)).toBe("203.0.113.9");
    expect(clientIpFromHeaders(headers("10.0.0.1", "1.2.3.4,203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("with more hops configured than present takes the leftmost, and without a peer knows nothing", () => {
    expect(clientIpFromHeaders(headers("10.0.0.1", "203.0.113.9"), 5)).toBe("203.0.113.9");
    expect(clientIpFromHeaders(headers(null, "203.0.113.9"), 1)).toBeNull();
  });
});
