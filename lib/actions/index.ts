import type { z } from "zod";
import { defineAction as define, type Access, type ActionDefinition, type ServerAction } from "./client";

export type { ActionContext, HandlerContext } from "./client";
export type { ActionError, ActionResult } from "./result";

/** defineAction bound to the request's cookies (imported lazily so tests never touch next/headers). */
export function defineAction<S extends z.ZodType, R, A extends Access>(definition: ActionDefinition<S, R, A>): ServerAction<R> {
  return define(definition, async () => (await import("@/lib/auth/request-context")).requestContext);
}
