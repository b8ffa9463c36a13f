import type { IArticleSearchIndex, SearchDocument } from "./article-search-index";
import { tokenize } from "./tokenize";

export interface InMemoryArticleSearchIndexOptions {
  /**
   * Documents that exist before this process started (read from the article
   * repository), loaded once before the first add or search so a restart
   * with Redis-backed articles still finds them.
   */
  readonly load?: () => Promise<readonly SearchDocument[]>;
}

/** A word in the title counts this many times a word in the body. */
const TITLE_WEIGHT = 3;

/**
 * An inverted index in memory: word -> (document id -> weight). A query
 * word matches every indexed word it prefixes; a document must match all
 * query words; score is the summed weight, newer first on ties.
 *
 * @example
 * const index = new InMemoryArticleSearchIndex();
 * await index.add({ id: "a1", title: "Realtime", body: "Socket.IO rooms", publishedAt: 1 });
 * await index.search("real room", 10); // ["a1"]
 */
export class InMemoryArticleSearchIndex implements IArticleSearchIndex {
  readonly #postings = new Map<string, Map<string, number>>();
  readonly #documents = new Map<string, { readonly words: ReadonlySet<string>; readonly publishedAt: number }>();
  readonly #load: (() => Promise<readonly SearchDocument[]>) | undefined;
  #loaded: Promise<void> | undefined;

  constructor(options: InMemoryArticleSearchIndexOptions = {}) {
    this.#load = options.load;
  }

  async add(document: SearchDocument): Promise<void> {
    await this.#ensureLoaded();
    this.#index(document);
  }

  async search(query: string, limit: number): Promise<string[]> {
    await this.#ensureLoaded();
    const words = [...new Set(tokenize(query))];
    if (words.length === 0 || limit <= 0) return [];
    let scores: Map<string, number> | null = null;
    for (const word of words) {
      const matches = this.#matchesOf(word);
      const next = new Map<string, number>();
      for (const [id, weight] of matches) {
        if (scores === null) next.set(id, weight);
        else if (scores.has(id)) next.set(id, (scores.get(id) ?? 0) + weight);
      }
      scores = next;
      if (scores.size === 0) return [];
    }
    return [...(scores ?? new Map<string, number>())]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || this.#publishedAt(b) - this.#publishedAt(a) || (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([id]) => id);
  }

  /** Every document weight for indexed words starting with `prefix`, summed per document. */
  #matchesOf(prefix: string): Map<string, number> {
    const matches = new Map<string, number>();
    for (const [word, documents] of this.#postings) {
      if (!word.startsWith(prefix)) continue;
      for (const [id, weight] of documents) matches.set(id, (matches.get(id) ?? 0) + weight);
    }
    return matches;
  }

  #index(document: SearchDocument): void {
    this.#remove(document.id);
    const weights = new Map<string, number>();
    for (const word of tokenize(document.title)) weights.set(word, (weights.get(word) ?? 0) + TITLE_WEIGHT);
    for (const word of tokenize(document.body)) weights.set(word, (weights.get(word) ?? 0) + 1);
    for (const [word, weight] of weights) {
      let documents = this.#postings.get(word);
      if (documents === undefined) {
        documents = new Map();
        this.#postings.set(word, documents);
      }
      documents.set(document.id, weight);
    }
    this.#documents.set(document.id, { words: new Set(weights.keys()), publishedAt: document.publishedAt });
  }

  #remove(id: string): void {
    const previous = this.#documents.get(id);
    if (previous === undefined) return;
    for (const word of previous.words) {
      const documents = this.#postings.get(word);
      documents?.delete(id);
      if (documents?.size === 0) this.#postings.delete(word);
    }
    this.#documents.delete(id);
  }

  #publishedAt(id: string): number {
    return this.#documents.get(id)?.publishedAt ?? 0;
  }

  #ensureLoaded(): Promise<void> {
    const load = this.#load;
    if (load === undefined) return Promise.resolve();
    this.#loaded ??= load().then(
      (documents) => {
        // Runs before any add() that waited for the load, so a newer version added later wins.
        for (const document of documents) this.#index(document);
      },
      (error: unknown) => {
        // Forget the failed load so the next call retries instead of serving an empty index forever.
        this.#loaded = undefined;
        throw error;
      },
    );
    return this.#loaded;
  }
}
