import type { z } from "zod";
import type { RequestContext } from "@/lib/auth/request-context";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/roles";
import { AuthError } from "@/lib/errors";
import { toActionError } from "@/lib/http/public-error";
import { parseInput } from "@/lib/validation/parse";
import type { ActionResult } from "./result";

/** What an action may know about its caller; from cookies in a request, fixed values in tests. */
export type ActionContext = RequestContext;

export type Access = "public" | Role;

export type HandlerContext<A extends Access = "public"> = {
  /** The signed-in user for a role-gated action (authorized before the handler runs); public actions never look. */
  user: A extends Role ? SessionUser : null;
  cartSessionId: ActionContext["cartSessionId"];
  revalidatePath: ActionContext["revalidatePath"];
};

export type ActionDefinition<S extends z.ZodType, R, A extends Access> = {
  name: string;
  /** Explicit on every action, so no mutation is public by omission. */
  access: A;
  input: S;
  handler: (input: z.infer<S>, context: HandlerContext<A>) => Promise<R>;
};

export type ServerAction<R> = ((...args: unknown[]) => Promise<ActionResult<R>>) & {
  /** Runs the whole pipeline (authorize, validate, handle, map errors) for a given caller. */
  runWithContext: (context: ActionContext, input: unknown) => Promise<ActionResult<R>>;
};

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = typeof value === "string" ? value : value;
  }
  return out;
}

async function authorize(context: ActionContext, minimum: Role): Promise<SessionUser> {
  const user = await context.user();
  if (!user) throw new AuthError("UNAUTHENTICATED");
  if (!hasRole(user, minimum)) throw new AuthError("FORBIDDEN");
  return user;
}

/**
 * One pipeline for every mutation: authorize (server-side, before looking at
 * the input, so an anonymous caller learns nothing about it) → validate with
 * zod → call the domain → map errors to { ok: false, error }.
 */
export function defineAction<S extends z.ZodType, R, A extends Access>(definition: ActionDefinition<S, R, A>, defaultContext: () => Promise<ActionContext>): ServerAction<R> {
  const runWithContext = async (context: ActionContext, rawInput: unknown): Promise<ActionResult<R>> => {
    try {
      const user = definition.access === "public" ? null : await authorize(context, definition.access);
      const input = parseInput(definition.input, rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput);
      // TypeScript cannot narrow the generic A from the check above: a role-gated action has its user here.
      const handlerContext = { user, cartSessionId: context.cartSessionId, revalidatePath: context.revalidatePath } as HandlerContext<A>;
      const data = await definition.handler(input, handlerContext);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toActionError(error, `action ${definition.name}`, definition.access === "public" ? "shopper" : "staff") };
    }
  };
  // Called as a form action with useActionState, the input is the second argument.
  const action = async (...args: unknown[]) => runWithContext(await defaultContext(), args.length > 1 ? args[1] : args[0]);
  return Object.assign(action, { runWithContext });
}
