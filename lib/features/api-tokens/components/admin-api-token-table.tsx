import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { RevokeApiToken } from "@/lib/features/api-tokens/components/revoke-api-token";
import type { AdminApiTokenRow } from "@/lib/features/api-tokens/types";
import { expiryText, lastUsedText } from "@/lib/features/api-tokens/utils";

/** Admin → API tokens: every live token with its person; "Revoke" on each. */
export function AdminApiTokenTable({ tokens, now, zone }: { tokens: AdminApiTokenRow[]; now: Date; zone: string }) {
  return (
    <Table aria-label="Live API tokens" columns={["Person", "Token", "Scopes", "Last used", "Expires", { label: "Actions", hidden: true }]}>
      <TBody>
        {tokens.map((token) => {
          const lastUsed = lastUsedText(token, now, zone);
          return (
            <TR key={token.id}>
              <TD>
                <p className="font-medium">{token.owner.name}</p>
                <p className="text-xs text-muted-foreground">{token.owner.email}</p>
              </TD>
              <TD>
                <p className="font-medium break-words">{token.name}</p>
                <p className="font-mono text-xs text-muted-foreground">{token.prefix}…</p>
              </TD>
              <TD>
                <span className="flex gap-1">
                  {token.scopes.map((scope) => (
                    <Badge key={scope} variant="outline">
                      {scope}
                    </Badge>
                  ))}
                </span>
              </TD>
              <TD title={lastUsed.title}>{lastUsed.text}</TD>
              <TD className="whitespace-nowrap">{expiryText(token, now, zone)}</TD>
              <TD className="text-right">
                <RevokeApiToken tokenId={token.id} name={token.name} owner={token.owner.name} />
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
