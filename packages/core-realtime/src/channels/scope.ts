import type { TemplateParamNames } from "./channel-template";

/**
 * Who may subscribe to a channel.
 * - `"public"`: anyone, signed in or not
 * - `"authenticated"`: any signed-in user
 * - `{ role }`: signed-in users holding that role
 * - `{ userScoped: "<placeholder>" }`: only the user whose id fills that placeholder
 */
export type RealtimeScope = "public" | "authenticated" | { readonly role: string } | { readonly userScoped: string };

/** The scopes a channel named `TName` may use: `userScoped` must name one of its placeholders. */
export type ScopeFor<TName extends string> =
  | "public"
  | "authenticated"
  | { readonly role: string }
  | ([TemplateParamNames<TName>] extends [never] ? never : { readonly userScoped: TemplateParamNames<TName> });

/** Stable label for logs and metrics. */
export function describeScope(scope: RealtimeScope): string {
  if (typeof scope === "string") return scope;
  return "role" in scope ? `role:${scope.role}` : `userScoped:${scope.userScoped}`;
}
