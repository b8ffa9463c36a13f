"use client";

import { useState } from "react";
import type { FormEvent } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { describeTrpcError } from "../../_components/describe-trpc-error";

/** A text field's value; a file input (not in this form) would be no text. */
function textField(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}

/** One option per line; blank lines are dropped (the server validates the rest). */
function optionsFromText(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * Creates a poll and opens it at once (`polls.create` makes a draft, then
 * `polls.open`), so a submitted poll takes votes straight away.
 */
export function CreatePollForm({ trpc, onCreated }: { readonly trpc: AppTrpcClient; readonly onCreated: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const { id } = await trpc.polls.create.mutate({
        question: textField(data, "question"),
        options: optionsFromText(textField(data, "options")),
      });
      await trpc.polls.open.mutate({ id });
      form.reset();
      onCreated();
    } catch (caught) {
      setError(describeTrpcError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label="New poll">
      <h2>New poll</h2>
      <form className="wide-form" data-testid="poll-create-form" onSubmit={(event) => void submit(event)}>
        <label>
          Question
          <input name="question" required maxLength={200} placeholder="Lunch?" />
        </label>
        <label>
          Options (one per line)
          <textarea name="options" required rows={4} placeholder={"Soup\nSalad"} />
        </label>
        <div className="row">
          <button type="submit" disabled={busy}>
            {busy ? "Creating…" : "Create poll"}
          </button>
          {error !== null && (
            <span className="error" role="alert">
              {error}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
