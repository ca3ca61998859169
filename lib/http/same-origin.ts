import { AuthError } from "@/lib/errors";
import { jsonError } from "./json-error";
import { isSameOrigin } from "./origin";

export { isSameOrigin } from "./origin";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Next.js checks a route export's second parameter; a handler that ignores it still gets this type. */
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one CSRF guard of mutating route handlers (isSameOrigin in origin.ts):
 * cross-site requests get a JSON 403 before the handler runs, so before it
 * even looks at who is asking.
 */
export function sameOriginOnly<C = RouteContext>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    if (!isSameOrigin(request)) {
      return jsonError(new AuthError("FORBIDDEN", "Cross-site request refused"), `${request.method} ${new URL(request.url).pathname}`);
    }
    return handler(request, context);
  };
}
