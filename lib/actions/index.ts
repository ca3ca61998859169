import type { z } from "zod";
import { defineAction as define, type ActionDefinition, type ServerAction } from "./client";

export type { ActionContext, HandlerContext } from "./client";
export type { ActionError, ActionResult } from "./result";
export { PublicError } from "./to-action-error";

/** defineAction bound to the request's cookies (imported lazily so tests never touch next/headers). */
export function defineAction<S extends z.ZodType, R>(definition: ActionDefinition<S, R>): ServerAction<R> {
  return define(definition, async () => (await import("./request-context")).requestContext);
}
