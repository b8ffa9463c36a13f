/** What the index keeps of an article: the text it searches and the date it sorts ties by. */
export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly publishedAt: number;
}

/**
 * Full-text search over published articles, fed by the `article.published`
 * subscriber. In memory today; a search service would implement the same
 * two methods.
 */
export interface IArticleSearchIndex {
  /** Indexes a document, replacing an earlier version with the same id. */
  add(document: SearchDocument): Promise<void>;
  /**
   * Ids of the documents matching every word of `query` (a word matches as a
   * prefix: `real` finds `realtime`), best first, at most `limit`.
   */
  search(query: string, limit: number): Promise<string[]>;
}
