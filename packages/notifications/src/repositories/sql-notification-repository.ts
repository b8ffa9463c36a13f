import { inTransaction, sql } from "@repo/core-database";
import type { AppDatabase, Kysely } from "@repo/core-database";
import type { Notification } from "../domain/notification";
import { DEFAULT_MAX_NOTIFICATIONS_PER_USER } from "./notification-repository";
import type { AddNotificationResult, INotificationRepository, MarkReadResult } from "./notification-repository";

/** The table as `0001-create-notifications` creates it (a type alias: Kysely needs an index-compatible shape). */
type NotificationsTables = {
  notifications: {
    user_id: string;
    id: string;
    title: string;
    body: string;
    created_at: number;
    read: boolean;
  };
};

type NotificationsDb = Kysely<NotificationsTables>;

export interface SqlNotificationRepositoryOptions {
  readonly maxPerUser?: number;
}

/**
 * Notifications in the system of record (ADR-020), the same SQL on PostgreSQL
 * and PGlite. Each write runs in one transaction holding a per-user advisory
 * lock, so concurrent adds and read marks for one user (from any instance)
 * apply one after another and every reported unread count is exact; users
 * never wait for each other. Built on a use case's transaction (`{ db: trx }`,
 * ADR-021) it writes in that transaction, so the outbox records beside it
 * commit or roll back with it.
 *
 * @example
 * const notifications = new SqlNotificationRepository(ctx.database);
 * await notifications.add({ id, userId: "bob", title: "Hi", body: "", createdAt: Date.now() });
 */
export class SqlNotificationRepository implements INotificationRepository {
  readonly #db: NotificationsDb;
  readonly #maxPerUser: number;

  constructor(database: Pick<AppDatabase, "db">, options: SqlNotificationRepositoryOptions = {}) {
    this.#db = database.db.$extendTables<NotificationsTables>();
    this.#maxPerUser = options.maxPerUser ?? DEFAULT_MAX_NOTIFICATIONS_PER_USER;
  }

  add(notification: Omit<Notification, "read">): Promise<AddNotificationResult> {
    const { userId } = notification;
    return inTransaction(this.#db, async (trx) => {
      await lockUser(trx, userId);
      const inserted = await trx
        .insertInto("notifications")
        .values({ user_id: userId, id: notification.id, title: notification.title, body: notification.body, created_at: notification.createdAt, read: false })
        .onConflict((conflict) => conflict.columns(["user_id", "id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (inserted !== undefined) {
        // The cap: everything past the user's newest `maxPerUser` goes.
        await trx
          .deleteFrom("notifications")
          .where("user_id", "=", userId)
          .where("id", "in", (query) =>
            query.selectFrom("notifications").select("id").where("user_id", "=", userId).orderBy("created_at", "desc").orderBy("id", "desc").offset(this.#maxPerUser),
          )
          .execute();
      }
      return { added: inserted !== undefined, unreadCount: await countUnread(trx, userId) };
    });
  }

  async listForUser(userId: string, limit: number): Promise<Notification[]> {
    if (limit <= 0) return [];
    const rows = await this.#db
      .selectFrom("notifications")
      .selectAll()
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, userId: row.user_id, title: row.title, body: row.body, createdAt: Number(row.created_at), read: row.read }));
  }

  unreadCount(userId: string): Promise<number> {
    return countUnread(this.#db, userId);
  }

  markRead(userId: string, ids: readonly string[] | null): Promise<MarkReadResult> {
    const wanted = ids === null ? null : [...new Set(ids)];
    return inTransaction(this.#db, async (trx) => {
      if (wanted !== null && wanted.length === 0) return { markedIds: [], unreadCount: await countUnread(trx, userId) };
      await lockUser(trx, userId);
      let update = trx.updateTable("notifications").set({ read: true }).where("user_id", "=", userId).where("read", "=", false);
      if (wanted !== null) update = update.where("id", "in", wanted);
      const marked = new Set((await update.returning("id").execute()).map((row) => row.id));
      // In the order asked for (all unread: whatever order the update saw).
      const markedIds = wanted === null ? [...marked] : wanted.filter((id) => marked.has(id));
      return { markedIds, unreadCount: await countUnread(trx, userId) };
    });
  }
}

/** Serialises one user's writes until the transaction ends (PGlite runs one transaction at a time anyway). */
async function lockUser(trx: NotificationsDb, userId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`notifications:${userId}`}))`.execute(trx);
}

async function countUnread(db: NotificationsDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .where("read", "=", false)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
