import type { UnitOfWork } from "@repo/core-realtime/server";
import type { IArticleRepository } from "../repositories/article-repository";

/**
 * One transaction for an article write and the feed item it causes (ADR-021):
 * the repository bound to the transaction, and the broadcaster whose messages
 * are stored in the outbox beside the write and delivered after commit.
 */
export type ArticlesUnitOfWork = UnitOfWork<{ readonly articles: IArticleRepository }>;
