import { AuthError } from "@/lib/errors";
import { jsonError } from "./json-error";
import { isSameOrigin } from "./origin";

export { isSameOrigin } from "./origin";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a mutating route handler: cross-site requests get a JSON 403 before the handler runs. */
export function sameOriginOnly<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    if (!isSameOrigin(request)) {
      return jsonError(new AuthError("FORBIDDEN", "Cross-site request refused"), `${request.method} ${new URL(request.url).pathname}`);
    }
    return handler(request, context);
  };
}
