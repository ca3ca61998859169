import net from "node:net";

export type FaultMode = "pass" | "refuse" | "blackhole";

/**
 * A TCP proxy in front of a real server (PostgreSQL, Redis) that can simulate
 * outages without touching the server itself — the local servers are shared by
 * everyone running tests on this machine, so they are never stopped.
 *
 * - `cut()` drops every open connection (what clients see when the server
 *   restarts or crashes);
 * - `refuse()` cuts and stops listening, so new connections get ECONNREFUSED
 *   (server down);
 * - `blackhole()` keeps connections open but forwards nothing (a hung server
 *   or a network partition: clients only notice through their own timeouts);
 * - `resume()` forwards again on the same port.
 */
export class FaultProxy {
  private server: net.Server | null = null;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private mode: FaultMode = "pass";
  port = 0;
  /** Connections accepted while passing traffic; lets tests prove clients reconnected. */
  connectionsAccepted = 0;

  constructor(
    private readonly target: { host: string; port: number },
  ) {}

  static forUrl(url: string): FaultProxy {
    const parsed = new URL(url);
    const fallback = parsed.protocol.startsWith("redis") ? 6379 : 5432;
    return new FaultProxy({ host: parsed.hostname, port: Number(parsed.port || fallback) });
  }

  /** `url` with its host and port replaced by this proxy's. */
  proxiedUrl(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = "127.0.0.1";
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async start(port = 0): Promise<number> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  get currentMode(): FaultMode {
    return this.mode;
  }

  get openConnections(): number {
    return this.pairs.size;
  }

  cut(): void {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  async refuse(): Promise<void> {
    this.mode = "refuse";
    this.cut();
    await this.closeListener();
  }

  blackhole(): void {
    this.mode = "blackhole";
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  async resume(): Promise<void> {
    const wasRefusing = this.mode === "refuse";
    const wasBlackholed = this.mode === "blackhole";
    this.mode = "pass";
    // Half-dead connections from a blackhole carry unanswered requests; a real
    // partition ends the same way (the TCP connection is eventually reset).
    if (wasBlackholed) this.cut();
    if (wasRefusing) await this.start(this.port);
  }

  async stop(): Promise<void> {
    this.cut();
    await this.closeListener();
  }

  private accept(client: net.Socket) {
    client.on("error", () => {});
    if (this.mode === "blackhole") {
      client.pause();
      this.pairs.add({ client, upstream: new net.Socket() });
      return;
    }
    this.connectionsAccepted += 1;
    const upstream = net.connect(this.target.port, this.target.host);
    upstream.on("error", () => client.destroy());
    const pair = { client, upstream };
    this.pairs.add(pair);
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", drop);
    upstream.on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private async closeListener() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
