import type { Metadata } from "next";
import { SignInForm } from "../_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in · Realtime Starter" };

export default function SignInPage() {
  return (
    <main>
      <h1>Sign in</h1>
      <section className="panel">
        <SignInForm />
        <p className="muted">
          Dev accounts: <code>alice</code> / <code>alice-password</code> (admin), <code>bob</code> / <code>bob-password</code>.
        </p>
        <p className="muted">
          No account yet? <a href="/sign-up">Sign up</a>.
        </p>
      </section>
    </main>
  );
}
