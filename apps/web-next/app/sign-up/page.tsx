import type { Metadata } from "next";
import { SignUpForm } from "../_components/sign-up-form";

export const metadata: Metadata = { title: "Sign up · Realtime Starter" };

export default function SignUpPage() {
  return (
    <main>
      <h1>Sign up</h1>
      <section className="panel">
        <SignUpForm />
        <p className="muted">
          Username: 3-32 letters, digits, <code>_</code>, <code>.</code> or <code>-</code>. Password: at least 8 characters, not the username. Already
          have an account? <a href="/sign-in">Sign in</a>.
        </p>
      </section>
    </main>
  );
}
