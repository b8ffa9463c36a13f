import { HomeDashboard } from "./_components/home-dashboard";

export default function HomePage() {
  return (
    <main>
      <h1>Realtime Starter</h1>
      <HomeDashboard />
    </main>
  );
}
