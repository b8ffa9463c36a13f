/** The body of every admins-only segment's `forbidden.tsx` (served with HTTP 403). */
export function AdminOnlyNotice({ what }: { readonly what: string }) {
  return (
    <main data-testid="forbidden">
      <h1>Forbidden</h1>
      <section className="panel">
        <p>{what} is for administrators only.</p>
        <p>
          <a href="/sign-in">Sign in</a> with an admin account, or go back <a href="/">home</a>.
        </p>
      </section>
    </main>
  );
}
