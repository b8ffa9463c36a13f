import type { Metadata } from "next";
import { PollsScreen } from "./_components/polls-screen";

export const metadata: Metadata = { title: "Polls · Realtime Starter" };

export default function PollsPage() {
  return (
    <main>
      <h1>Polls</h1>
      <PollsScreen />
    </main>
  );
}
