import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { RevokeApiToken } from "@/lib/features/api-tokens/components/revoke-api-token";
import type { ApiTokenView } from "@/lib/features/api-tokens/types";
import { expiryText, isExpired, lastUsedText } from "@/lib/features/api-tokens/utils";

/** Settings → API tokens: the person's tokens, rendered on the server; only "Revoke" is a client island. */
export function ApiTokenList({ tokens, now, zone }: { tokens: ApiTokenView[]; now: Date; zone: string }) {
  if (tokens.length === 0) {
    return <p className="text-sm text-muted-foreground">No tokens yet. Create one for each script or CI job that talks to Cairn.</p>;
  }
  return (
    <ul aria-label="Your API tokens" className="grid gap-3">
      {tokens.map((token) => {
        const expired = isExpired(token, now);
        const lastUsed = lastUsedText(token, now, zone);
        return (
          <li key={token.id} aria-label={token.name} className="grid gap-2 border-t border-border pt-3 first:border-t-0 first:pt-0">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="grid min-w-0 gap-1">
                <p className="flex flex-wrap items-center gap-2 font-medium break-words">
                  {token.name}
                  {expired ? <Badge variant="warning">Expired</Badge> : null}
                </p>
                <p className="font-mono text-xs text-muted-foreground">{token.prefix}…</p>
              </div>
              <RevokeApiToken tokenId={token.id} name={token.name} />
            </div>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
              <dt className="text-muted-foreground">Scopes</dt>
              <dd className="flex flex-wrap gap-1">
                {token.scopes.map((scope) => (
                  <Badge key={scope} variant="outline">
                    {scope}
                  </Badge>
                ))}
              </dd>
              <dt className="text-muted-foreground">Created</dt>
              <dd>{formatDay(dayIn(new Date(token.createdAt), zone))}</dd>
              <dt className="text-muted-foreground">Expires</dt>
              <dd>{expiryText(token, now, zone)}</dd>
              <dt className="text-muted-foreground">Last used</dt>
              <dd title={lastUsed.title}>{lastUsed.text}</dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
