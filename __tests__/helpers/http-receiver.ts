import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string; path: string };

/** A local HTTP endpoint for delivery tests: records every request, answers with the next scripted status. */
export async function startReceiver(options: { statuses?: number[]; defaultStatus?: number; delayMs?: number } = {}) {
  const received: ReceivedRequest[] = [];
  const statuses = [...(options.statuses ?? [])];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body, path: req.url ?? "/" });
      const status = statuses.shift() ?? options.defaultStatus ?? 200;
      setTimeout(() => res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "fail"), options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets of fetch would hold the test process open
      }),
  };
}
