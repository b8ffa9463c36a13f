/** A user the dev seed (`APP_SEED=dev`) creates; `id` is what `[data-testid=user-id]` shows. */
export interface SeedUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

/** Role `admin`: may send notifications and open /admin. */
export const ALICE: SeedUser = { id: "alice", username: "alice", password: "alice-password" };

/** No roles. */
export const BOB: SeedUser = { id: "bob", username: "bob", password: "bob-password" };
