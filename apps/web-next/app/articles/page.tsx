import type { Metadata } from "next";
import { ArticlesScreen } from "./_components/articles-screen";

export const metadata: Metadata = { title: "Articles · Realtime Starter" };

export default function ArticlesPage() {
  return (
    <main>
      <h1>Articles</h1>
      <ArticlesScreen />
    </main>
  );
}
