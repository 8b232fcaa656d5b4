import type { ReactNode } from "react";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";

export interface ProfileInfo {
  name: string;
  email: string;
  isAdmin: boolean;
  roles: { siteName: string; role: string }[];
}

/** Who you are and what you may do where (read-only: admins change names and roles). */
export function ProfileSummary({ profile }: { profile: ProfileInfo }) {
  return (
    <Card>
      <CardHeader title="Account" />
      <dl className="space-y-3 px-4 py-4">
        <Row term="Name">
          <span className="font-medium" data-testid="profile-name">
            {profile.name}
          </span>
        </Row>
        <Row term="Email">
          <span className="break-all" data-testid="profile-email">
            {profile.email}
          </span>
        </Row>
        <Row term="Roles">
          {!profile.isAdmin && profile.roles.length === 0 ? (
            <span className="text-muted">No roles yet: ask an admin for access to a site.</span>
          ) : (
            <ul className="flex flex-wrap gap-1.5" aria-label="Your roles">
              {profile.isAdmin && (
                <li>
                  <Badge tone="accent">Global admin</Badge>
                </li>
              )}
              {profile.roles.map((r) => (
                <li key={r.siteName}>
                  <Badge>
                    {r.siteName}: {r.role}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Row>
      </dl>
    </Card>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sm:flex sm:gap-6">
      <dt className="text-xs text-muted sm:w-32 sm:shrink-0 sm:text-sm">{term}</dt>
      <dd className="mt-0.5 sm:mt-0">{children}</dd>
    </div>
  );
}
