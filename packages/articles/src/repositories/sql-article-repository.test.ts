import { describeRepositoryContract } from "@repo/core-database/testing";
import type { AppDatabase } from "@repo/core-database";
import { expect, it } from "vitest";
import { articleRepositoryContract } from "../__tests__/article-repository-contract";
import type { Article } from "../domain/article";
import { articlesMigrations } from "../migrations/articles-migrations";
import { SqlArticleRepository } from "./sql-article-repository";
import type { ArticlesTables } from "./sql-article-repository";

async function emptied(database: AppDatabase): Promise<AppDatabase> {
  await database.db.$extendTables<ArticlesTables>().deleteFrom("articles").execute();
  return database;
}

function article(id: string, overrides: Partial<Article> = {}): Article {
  return { id, title: `Title ${id}`, body: `Body of ${id}`, authorId: "alice", publishedAt: 1_000, ...overrides };
}

// One migrated database per engine for the whole file (PGlite's initdb is the slow part), emptied per repository.
describeRepositoryContract(
  "SqlArticleRepository",
  ({ database }) => {
    articleRepositoryContract("SqlArticleRepository", async () => SqlArticleRepository.on(await emptied(database())));

    it("is shared: a second repository on the same database (another instance) lists the first one's article", async () => {
      const writer = SqlArticleRepository.on(await emptied(database()));
      const reader = SqlArticleRepository.on(database());
      await writer.save(article("shared", { body: "from A" }));
      expect(await reader.listNewestFirst(5)).toEqual([article("shared", { body: "from A" })]);
    });

    it("saves inside a caller's transaction: visible once it commits, gone when it rolls back", async () => {
      const repository = SqlArticleRepository.on(await emptied(database()));
      const db = database().db.$extendTables<ArticlesTables>();
      await db.transaction().execute(async (trx) => {
        await repository.withExecutor(trx).save(article("committed"));
      });
      const rolledBack = db.transaction().execute(async (trx) => {
        await repository.withExecutor(trx).save(article("rolled-back"));
        expect(await repository.withExecutor(trx).findById("rolled-back")).toEqual(article("rolled-back"));
        throw new Error("the caller's next write failed");
      });
      await expect(rolledBack).rejects.toThrow("the caller's next write failed");
      expect((await repository.listNewestFirst(10)).map((a) => a.id)).toEqual(["committed"]);
    });

    it("leaves one row when two instances save the same id at the same moment", async () => {
      const [onA, onB] = [SqlArticleRepository.on(await emptied(database())), SqlArticleRepository.on(database())];
      await Promise.all([onA.save(article("race", { title: "A" })), onB.save(article("race", { title: "B" }))]);
      const listed = await onA.listNewestFirst(10);
      expect(listed).toHaveLength(1);
      expect(["A", "B"]).toContain(listed[0]?.title);
    });

    it("refuses in the schema what the use case refuses: an empty title, an oversized body, a bad id, a negative time", async () => {
      const repository = SqlArticleRepository.on(await emptied(database()));
      await expect(repository.save(article("empty-title", { title: "" }))).rejects.toMatchObject({ code: "23514" });
      await expect(repository.save(article("big-body", { body: "x".repeat(20_001) }))).rejects.toMatchObject({ code: "23514" });
      await expect(repository.save(article("bad id!"))).rejects.toMatchObject({ code: "23514" });
      await expect(repository.save(article("negative", { publishedAt: -1 }))).rejects.toMatchObject({ code: "23514" });
      await expect(repository.save(article("no-author", { authorId: "" }))).rejects.toMatchObject({ code: "23514" });
      expect(await repository.listNewestFirst(10)).toEqual([]);
    });
  },
  { migrations: [articlesMigrations] },
);
