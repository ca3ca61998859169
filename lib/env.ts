import { z } from "zod";

// Every environment variable the app reads, parsed once. Documented in .env.example.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Set by `npm start` when DATABASE_URL points at the embedded PostgreSQL it started (one machine, in-process cache and events). */
  STOCKROOM_EMBEDDED_DB: z.enum(["0", "1"]).default("0"),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix for every Redis key and channel, so several apps or test workers can share one server. */
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]*$/).default("stockroom:"),
  SESSION_SECRET: z.string().min(32).optional(),
  /** Secure cookies: "auto" = on in production unless running the embedded default over plain http. */
  COOKIE_SECURE: z.enum(["auto", "0", "1"]).default("auto"),
  RESERVATION_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  STOCK_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /** Longest an instance keeps its in-process copy of a cached stock read (ms; 0 = off); other instances' writes drop it at once over Redis pub/sub. */
  STOCK_NEAR_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  LOW_STOCK_DEFAULT_THRESHOLD: z.coerce.number().int().min(0).default(5),
  /** Largest CSV a bulk stock upload may be (bytes); bigger files are refused with 413. */
  BULK_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1_024).max(512 * 1024 * 1024).default(10 * 1024 * 1024),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Bearer token for GET /api/metrics (Prometheus); unset = the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** A variant alerts at most once per this many seconds while it stays low (default 24 h). */
  ALERT_DEBOUNCE_SECONDS: z.coerce.number().int().min(1).default(86_400),
  /** Delivery attempts before a notification becomes a DEAD letter. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** First retry delay; each later retry doubles it (with jitter), capped at one hour. */
  OUTBOX_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /** How often an idle worker looks for due notifications. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /** Start the outbox worker inside the Next.js server (always on with the embedded database). */
  RUN_WORKER_IN_PROCESS: z.enum(["0", "1"]).default("0"),
  /** SMTP for email channels (smtp:// or smtps://); unset = emails are logged to the console. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default("Stockroom <alerts@stockroom.local>"),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0 = clients connect directly; their X-Forwarded-For is ignored). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Live (SSE) streams one client IP may hold open on one instance; more are refused with 429. */
  SSE_MAX_STREAMS_PER_IP: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Live streams per instance; when full, the least recently active stream is closed to make room. */
  SSE_MAX_STREAMS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Port the store serves on (`npm start`, `next start -p` reads its own flag). */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Public address of the store, for links in emails; defaults to http://localhost:$PORT. */
  PUBLIC_BASE_URL: z.url().optional(),
});

export type Env = Omit<z.infer<typeof schema>, "PUBLIC_BASE_URL"> & { PUBLIC_BASE_URL: string };

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${details}`);
  }
  return { ...parsed.data, PUBLIC_BASE_URL: parsed.data.PUBLIC_BASE_URL ?? `http://localhost:${parsed.data.PORT}` };
}

export const env: Env = load();

const DEV_SESSION_SECRET = "stockroom-development-secret-do-not-use-in-production";

/** The HMAC key for signed cookies; a fixed development key outside production. */
export function sessionSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production" && env.STOCKROOM_EMBEDDED_DB !== "1") {
    throw new Error("SESSION_SECRET must be set (32+ characters) in production");
  }
  return DEV_SESSION_SECRET;
}

export function secureCookies(): boolean {
  if (env.COOKIE_SECURE !== "auto") return env.COOKIE_SECURE === "1";
  return env.NODE_ENV === "production" && env.STOCKROOM_EMBEDDED_DB !== "1";
}
