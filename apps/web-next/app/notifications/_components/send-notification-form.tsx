"use client";

import { useState } from "react";
import type { FormEvent } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { describeTrpcError } from "../../_components/describe-trpc-error";

type SendState = { readonly state: "idle" } | { readonly state: "sending" } | { readonly state: "sent"; readonly userId: string } | { readonly state: "failed"; readonly message: string };

/**
 * Admins only (the page shows it to admins; `notifications.send` refuses
 * everyone else with FORBIDDEN whatever the page does).
 */
export function SendNotificationForm({ trpc }: { readonly trpc: AppTrpcClient }) {
  const [send, setSend] = useState<SendState>({ state: "idle" });

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const field = (name: string): string => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    setSend({ state: "sending" });
    try {
      const result = await trpc.notifications.send.mutate({ userId: field("userId").trim(), title: field("title"), body: field("body") });
      setSend({ state: "sent", userId: result.userId });
      // Keep the recipient for the next one; clear the message.
      for (const name of ["title", "body"]) {
        const input = formElement.elements.namedItem(name);
        if (input instanceof HTMLInputElement) input.value = "";
      }
    } catch (caught) {
      setSend({ state: "failed", message: describeTrpcError(caught) });
    }
  };

  return (
    <section className="panel" aria-label="Send a notification">
      <h2>Send a notification</h2>
      <form data-testid="send-notification-form" onSubmit={(event) => void onSubmit(event)}>
        <label>
          To (user id)
          <input name="userId" required placeholder="bob" autoComplete="off" />
        </label>
        <label>
          Title
          <input name="title" required maxLength={200} autoComplete="off" />
        </label>
        <label>
          Body
          <input name="body" maxLength={2000} autoComplete="off" />
        </label>
        <button type="submit" disabled={send.state === "sending"}>
          {send.state === "sending" ? "Sending…" : "Send"}
        </button>
        {send.state === "sent" && (
          <p className="muted" role="status">
            Sent to {send.userId}.
          </p>
        )}
        {send.state === "failed" && (
          <p className="error" role="alert">
            {send.message}
          </p>
        )}
      </form>
    </section>
  );
}
