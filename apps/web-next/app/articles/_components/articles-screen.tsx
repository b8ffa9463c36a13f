"use client";

import { useMemo } from "react";
import { RealtimeRoot } from "../../_components/realtime-root";
import { createAppTrpcClient } from "../../_components/trpc-client";
import { ArticleFeed } from "./article-feed";
import { PublishArticleForm } from "./publish-article-form";
import { useSignedInUser } from "../../_components/use-signed-in-user";

/** The feed is public; the publish form is for signed-in users. */
export function ArticlesScreen() {
  const trpc = useMemo(() => createAppTrpcClient(), []);
  const session = useSignedInUser(trpc);

  return (
    <>
      {session.state === "signed-in" && <PublishArticleForm trpc={trpc} />}
      {session.state === "signed-out" && (
        <section className="panel">
          <p>
            <a href="/sign-in">Sign in</a> to publish an article.
          </p>
        </section>
      )}
      {session.state === "failed" && (
        <p className="error" role="alert">
          Could not load your session: {session.message}
        </p>
      )}
      <RealtimeRoot>
        <ArticleFeed trpc={trpc} />
      </RealtimeRoot>
    </>
  );
}
