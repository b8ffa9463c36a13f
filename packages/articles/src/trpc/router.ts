import { authedProcedure, publicProcedure, router } from "@repo/core-trpc";
import { z } from "zod";
import { ZPublishArticleRequest } from "../domain/article";
import type { ListArticles } from "../use-cases/list-articles";
import type { PublishArticle } from "../use-cases/publish-article";
import type { SearchArticles } from "../use-cases/search-articles";

const ZListArticlesRequest = z.object({ limit: z.number().int().min(1).max(100).default(20) }).optional();
const ZSearchArticlesRequest = z.object({
  q: z.string().trim().min(1, "Type something to search for").max(200),
  limit: z.number().int().min(1).max(100).optional(),
});

export interface ArticlesRouterDeps {
  readonly publishArticle: PublishArticle;
  readonly listArticles: ListArticles;
  readonly searchArticles: SearchArticles;
}

/**
 * The articles feature's procedures, mounted at `articles` in the app router.
 *
 * @example
 * await caller.articles.publish({ title: "Hello", body: "First post" }); // { id }
 * await caller.articles.list(); // newest first
 * await caller.articles.search({ q: "hello" });
 */
export function createArticlesRouter(deps: ArticlesRouterDeps) {
  return router({
    /** Signed-in users publish; the author is whoever is signed in, never a field of the input. */
    publish: authedProcedure
      .input(ZPublishArticleRequest)
      .mutation(({ ctx, input }) => deps.publishArticle({ title: input.title, body: input.body, authorId: ctx.user.userId })),
    /** Anyone reads, newest first. */
    list: publicProcedure.input(ZListArticlesRequest).query(({ input }) => deps.listArticles({ limit: input?.limit ?? 20 })),
    /** Anyone searches, best match first. */
    search: publicProcedure.input(ZSearchArticlesRequest).query(({ input }) => deps.searchArticles(input)),
  });
}

export type ArticlesRouter = ReturnType<typeof createArticlesRouter>;
