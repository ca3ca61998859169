import type { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/roles";
import { parseInput } from "@/lib/inventory/parse";
import type { ActionResult } from "./result";
import { toActionError } from "./to-action-error";

/** What an action may know about its caller; from cookies in a request, fixed values in tests. */
export type ActionContext = {
  user: () => Promise<SessionUser | null>;
  cartSessionId: (options: { create: boolean }) => Promise<string | null>;
  /** Next's revalidatePath in a request; tests record the paths instead (there is no render cache to drop). */
  revalidatePath: (path: string) => void;
};

export type Access = "public" | Role;

export type HandlerContext = {
  /** The signed-in user; never null when access is a role. */
  user: SessionUser | null;
  cartSessionId: ActionContext["cartSessionId"];
  revalidatePath: ActionContext["revalidatePath"];
};

export type ActionDefinition<S extends z.ZodType, R> = {
  name: string;
  /** Explicit on every action, so no mutation is public by omission. */
  access: Access;
  input: S;
  handler: (input: z.infer<S>, context: HandlerContext) => Promise<R>;
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

/**
 * One pipeline for every mutation: authorize (server-side, before looking at
 * the input, so an anonymous caller learns nothing about it) → validate with
 * zod → call the domain → map errors to { ok: false, error }.
 */
export function defineAction<S extends z.ZodType, R>(definition: ActionDefinition<S, R>, defaultContext: () => Promise<ActionContext>): ServerAction<R> {
  const runWithContext = async (context: ActionContext, rawInput: unknown): Promise<ActionResult<R>> => {
    try {
      let user: SessionUser | null = null;
      if (definition.access !== "public") {
        user = await context.user();
        if (!user) throw new AuthError("UNAUTHENTICATED");
        if (!hasRole(user, definition.access)) throw new AuthError("FORBIDDEN");
      }
      const input = parseInput(definition.input, rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput);
      const data = await definition.handler(input, { user, cartSessionId: context.cartSessionId, revalidatePath: context.revalidatePath });
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toActionError(error, `action ${definition.name}`) };
    }
  };
  // Called as a form action with useActionState, the input is the second argument.
  const action = async (...args: unknown[]) => runWithContext(await defaultContext(), args.length > 1 ? args[1] : args[0]);
  return Object.assign(action, { runWithContext });
}
