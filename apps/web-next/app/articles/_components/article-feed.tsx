"use client";

import { articlesFeedChannel, mergeArticleFeed } from "@repo/articles/client";
import type { TArticleSummary } from "@repo/articles/client";
import { useChannel, useConnectionStatus } from "@repo/core-realtime/react";
import { useCallback, useEffect, useState } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { describeTrpcError } from "../../_components/describe-trpc-error";

/**
 * The public feed: `articles.list` on first paint, then every article the
 * `articles.feed` channel carries, merged by id (an article in both the
 * snapshot and the channel shows once). The snapshot is asked for again
 * after every (re)subscribe and whenever the channel could not replay what
 * was missed.
 */
export function ArticleFeed({ trpc }: { readonly trpc: AppTrpcClient }) {
  const status = useConnectionStatus();
  const [feed, setFeed] = useState<readonly TArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadSnapshot = useCallback(() => {
    trpc.articles.list.query().then(
      (articles) => setFeed((current) => mergeArticleFeed(current ?? [], articles)),
      (caught: unknown) => setError(`Could not load articles: ${describeTrpcError(caught)}`),
    );
  }, [trpc]);

  useEffect(loadSnapshot, [loadSnapshot]);

  useChannel(articlesFeedChannel, {}, (article) => setFeed((current) => mergeArticleFeed(current ?? [], [article])), {
    // Anything published between the first snapshot and the subscription is in this one.
    onSubscribed: loadSnapshot,
    onRecovered: (recovered) => {
      if (!recovered) loadSnapshot();
    },
    onError: (refusal) => setError(`Live updates stopped: ${refusal.code}`),
  });

  return (
    <section className="panel" aria-label="Feed">
      <div className="row">
        <h2>Latest articles</h2>
        <span className="status" data-state={status} data-testid="connection-status">
          {status}
        </span>
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {feed === null ? (
        <p className="muted">Loading articles…</p>
      ) : (
        <>
          <ol className="article-feed" data-testid="article-feed">
            {feed.map((article) => (
              <li key={article.id} className="article-item" data-testid="article-item" data-id={article.id}>
                <h3 className="article-title">{article.title}</h3>
                <p className="article-excerpt">{article.excerpt}</p>
                <p className="muted">
                  by {article.authorId} ·{" "}
                  <time dateTime={new Date(article.publishedAt).toISOString()}>{new Date(article.publishedAt).toLocaleString()}</time>
                </p>
              </li>
            ))}
          </ol>
          {feed.length === 0 && <p className="muted">Nothing published yet.</p>}
        </>
      )}
    </section>
  );
}
