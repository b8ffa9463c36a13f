/** The role that manages accounts and roles; `setRoles` never takes it from the last user holding it. */
export const ADMIN_ROLE = "admin";

/** A person who can sign in. `passwordHash` is a PHC string (argon2id); the password itself is never stored. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly roles: readonly string[];
}

/** What a client may learn about a user. */
export interface PublicUser {
  readonly id: string;
  readonly roles: readonly string[];
}

export function toPublicUser(user: Pick<User, "id" | "roles">): PublicUser {
  return { id: user.id, roles: [...user.roles] };
}
