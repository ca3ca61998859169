import http, { type IncomingMessage } from "node:http";

/**
 * The TCP peer of each request, in a header nobody outside can set. Next.js
 * copies the socket address into X-Forwarded-For only when the client sent
 * none, so a client that sends its own X-Forwarded-For hides the real one;
 * route handlers and actions only see headers. Installed once per server
 * process (instrumentation.ts): every request's header is overwritten with the
 * socket's address before Next.js reads the request.
 */
export const PEER_HEADER = "x-stockroom-peer";

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const marker = Symbol.for("stockroom.peerAddressHeader");

export function installPeerAddressHeader(): void {
  const proto = http.Server.prototype as unknown as { emit: Emit; [marker]?: true };
  if (proto[marker]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event, ...args) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  };
  proto[marker] = true;
}
