"use client";

import type { UserSummary } from "@repo/auth";
import { useMemo, useState } from "react";
import { describeTrpcError } from "../../../_components/describe-trpc-error";
import { createAppTrpcClient } from "../../../_components/trpc-client";

const ADMIN = "admin";

/** The roles after granting or revoking `admin`, every other role kept. */
function toggledAdmin(roles: readonly string[]): string[] {
  return roles.includes(ADMIN) ? roles.filter((role) => role !== ADMIN) : [...roles, ADMIN];
}

/**
 * The accounts with a grant/revoke `admin` button each. A change is sent
 * with `auth.setRoles` (the whole new set) and the row shows what the server
 * answered; the user's open sockets lose what the role granted at once.
 */
export function UsersTable({ initial }: { readonly initial: readonly UserSummary[] }) {
  const trpc = useMemo(() => createAppTrpcClient(), []);
  const [users, setUsers] = useState<readonly UserSummary[]>(initial);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toggle = async (user: UserSummary): Promise<void> => {
    setPending(user.id);
    setError(null);
    try {
      const changed = await trpc.auth.setRoles.mutate({ userId: user.id, roles: toggledAdmin(user.roles) });
      setUsers((current) => current.map((row) => (row.id === changed.id ? { ...row, roles: changed.roles } : row)));
    } catch (caught) {
      setError(`Could not change ${user.username}'s roles: ${describeTrpcError(caught)}`);
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="panel" aria-label="Users">
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table data-testid="users-table">
        <thead>
          <tr>
            <th>Username</th>
            <th>Id</th>
            <th>Roles</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" data-username={user.username}>
              <td>{user.username}</td>
              <td>
                <code>{user.id}</code>
              </td>
              <td data-testid="user-roles">{user.roles.length === 0 ? "none" : user.roles.join(", ")}</td>
              <td>
                <button type="button" disabled={pending !== null} onClick={() => void toggle(user)}>
                  {pending === user.id ? "Saving…" : user.roles.includes(ADMIN) ? "Revoke admin" : "Grant admin"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
