import type { Metadata } from "next";

export const metadata: Metadata = { title: "Forbidden · Realtime Starter" };

/** What `/admin/users` renders, with HTTP 403, for anyone who is not an admin. */
export default function UsersForbidden() {
  return (
    <main data-testid="forbidden">
      <h1>Forbidden</h1>
      <section className="panel">
        <p>The Users page is for administrators only.</p>
        <p>
          <a href="/sign-in">Sign in</a> with an admin account, or go back <a href="/">home</a>.
        </p>
      </section>
    </main>
  );
}
