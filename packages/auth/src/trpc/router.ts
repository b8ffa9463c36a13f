import { publicProcedure, roleProcedure, router } from "@repo/core-trpc";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ADMIN_ROLE } from "../domain/user";
import { LastAdminError } from "../repositories/user-repository";
import type { ChangeUserRoles } from "../use-cases/change-user-roles";
import type { ListUsers } from "../use-cases/list-users";

/** The role that may list users and change roles (the Users page, `/admin/users`). */
const USER_ADMIN_ROLE = ADMIN_ROLE;

/** The input of `auth.setRoles`: the whole new set of roles (an empty array revokes them all). */
const ZSetRolesInput = z.strictObject({
  userId: z.string().min(1).max(64),
  roles: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A role is 1-64 letters, digits, "_" or "-"'))
    .max(32),
});

export interface AuthRouterDeps {
  readonly listUsers: ListUsers;
  readonly changeUserRoles: ChangeUserRoles;
}

/**
 * The auth feature's procedures, mounted at `auth` in the app router.
 * `listUsers` and `setRoles` are admin only (FORBIDDEN without the role,
 * UNAUTHORIZED signed out). The caller's roles come from the user record on
 * every request, so a demotion refuses the next call on every instance.
 *
 * @example
 * await caller.auth.me(); // { id: "alice", roles: ["admin"] } or null
 * await caller.auth.setRoles({ userId: "bob", roles: ["admin"] }); // { id: "bob", roles: ["admin"] }
 */
export function createAuthRouter(deps: AuthRouterDeps) {
  return router({
    /** Who the request is signed in as; `null` when signed out. */
    me: publicProcedure.query(({ ctx }) => (ctx.user === null ? null : { id: ctx.user.userId, roles: [...ctx.user.roles] })),
    /** Every account, oldest first: `{ id, username, roles }`, never a hash. */
    listUsers: roleProcedure(USER_ADMIN_ROLE).query(() => deps.listUsers()),
    /**
     * Replaces a user's roles; answers `{ id, roles }`, NOT_FOUND for an unknown user, CONFLICT
     * `LAST_ADMIN: ...` when it would take `admin` from the last admin. Their sockets are re-checked at once.
     */
    setRoles: roleProcedure(USER_ADMIN_ROLE)
      .input(ZSetRolesInput)
      .mutation(async ({ input }) => {
        const user = await deps.changeUserRoles({ userId: input.userId, roles: input.roles }).catch((error: unknown) => {
          // The code first in the message, as polls' refusals do, so a client tells it from other conflicts.
          if (error instanceof LastAdminError) throw new TRPCError({ code: "CONFLICT", message: `${error.code}: ${error.message}`, cause: error });
          throw error;
        });
        if (user === null) throw new TRPCError({ code: "NOT_FOUND", message: "No such user" });
        return { id: user.id, roles: [...user.roles] };
      }),
  });
}

export type AuthRouter = ReturnType<typeof createAuthRouter>;
