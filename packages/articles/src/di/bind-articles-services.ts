import type { BaseSchema, Transaction } from "@repo/core-database";
import { instrumentUseCase, transactionsOf } from "@repo/core-di";
import type { BindContext, Container } from "@repo/core-di";
import { unitOfWork } from "@repo/core-realtime/server";
import type { IArticleRepository } from "../repositories/article-repository";
import { SqlArticleRepository } from "../repositories/sql-article-repository";
import type { ArticlesTables } from "../repositories/sql-article-repository";
import type { ArticlesUnitOfWork } from "../use-cases/articles-unit-of-work";
import { InMemoryArticleSearchIndex } from "../search/in-memory-article-search-index";
import { LogSubscriberNotifier } from "../services/subscriber-notifier";
import type { ISubscriberNotifier } from "../services/subscriber-notifier";
import { listArticlesUseCase } from "../use-cases/list-articles";
import { publishArticleUseCase } from "../use-cases/publish-article";
import { searchArticlesUseCase } from "../use-cases/search-articles";
import { ArticlesSymbols } from "./symbols";

/** How many stored articles the search index loads at start (older ones are not searchable until re-published). */
const SEARCH_INDEX_LOAD_LIMIT = 10_000;

export interface ArticlesServices {
  readonly articles: IArticleRepository;
  readonly notifier?: ISubscriberNotifier;
}

/** The system of record (ADR-020): every instance on one database lists the same articles, and a restart keeps them. */
export function selectArticleRepository(ctx: Pick<BindContext, "database">): IArticleRepository {
  return SqlArticleRepository.on(ctx.database);
}

/** Writes and their feed items in one transaction on the app's outbox runner (ADR-021), the repository joining it. */
export function selectArticlesUnitOfWork(
  ctx: Pick<BindContext, "config" | "database" | "realtime" | "realtimeSources" | "transactions">,
): ArticlesUnitOfWork {
  return unitOfWork(transactionsOf(ctx), (trx: Transaction<BaseSchema>) => ({ articles: new SqlArticleRepository(trx.$extendTables<ArticlesTables>()) }));
}

/**
 * The bindings both bind files share: the repository, the search index
 * (loaded from the repository on first use), the notifier, then each use
 * case in its span+capture sandwich (publishing writes through the outbox
 * unit of work). The bind files add the event consumers and the job processor after.
 *
 * @example
 * bindArticlesServices(container, ctx, { articles: selectArticleRepository(ctx) });
 */
export function bindArticlesServices(container: Container, ctx: BindContext, services: ArticlesServices): void {
  const articles = services.articles;
  const index = new InMemoryArticleSearchIndex({
    load: async () => articles.listNewestFirst(SEARCH_INDEX_LOAD_LIMIT),
  });
  container.bind(ArticlesSymbols.articleRepository, articles);
  container.bind(ArticlesSymbols.searchIndex, index);
  container.bind(ArticlesSymbols.subscriberNotifier, services.notifier ?? new LogSubscriberNotifier(ctx.logger));

  container.bind(ArticlesSymbols.publishArticle, instrumentUseCase(ctx, "articles.publishArticle", publishArticleUseCase({ work: selectArticlesUnitOfWork(ctx), bus: ctx.bus })));
  container.bind(ArticlesSymbols.listArticles, instrumentUseCase(ctx, "articles.listArticles", listArticlesUseCase({ articles })));
  container.bind(ArticlesSymbols.searchArticles, instrumentUseCase(ctx, "articles.searchArticles", searchArticlesUseCase({ index, articles })));
}
