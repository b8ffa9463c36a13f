"use client";

import { ARTICLE_BODY_MAX_LENGTH, ARTICLE_TITLE_MAX_LENGTH } from "@repo/articles/client";
import { useState } from "react";
import type { FormEvent } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { describeTrpcError } from "../../_components/describe-trpc-error";

type PublishState = { readonly state: "idle" } | { readonly state: "publishing" } | { readonly state: "published" } | { readonly state: "failed"; readonly message: string };

/**
 * Signed-in users publish through `articles.publish` (the author is the
 * session's user). The article is not added here: it arrives on the live
 * feed like everyone else's, which is the path the feature promises.
 */
export function PublishArticleForm({ trpc }: { readonly trpc: AppTrpcClient }) {
  const [publish, setPublish] = useState<PublishState>({ state: "idle" });

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    setPublish({ state: "publishing" });
    try {
      await trpc.articles.publish.mutate({ title: field("title"), body: field("body") });
      setPublish({ state: "published" });
      formElement.reset();
    } catch (caught) {
      setPublish({ state: "failed", message: describeTrpcError(caught) });
    }
  };

  return (
    <section className="panel" aria-label="Publish an article">
      <h2>Publish an article</h2>
      <form className="wide-form" data-testid="article-publish-form" onSubmit={(event) => void onSubmit(event)}>
        <label>
          Title
          <input name="title" required maxLength={ARTICLE_TITLE_MAX_LENGTH} autoComplete="off" />
        </label>
        <label>
          Body
          <textarea name="body" required rows={5} maxLength={ARTICLE_BODY_MAX_LENGTH} />
        </label>
        <button type="submit" disabled={publish.state === "publishing"}>
          {publish.state === "publishing" ? "Publishing…" : "Publish"}
        </button>
        {publish.state === "published" && (
          <p className="muted" role="status">
            Published: it appears in the feed below for every reader.
          </p>
        )}
        {publish.state === "failed" && (
          <p className="error" role="alert">
            {publish.message}
          </p>
        )}
      </form>
    </section>
  );
}
