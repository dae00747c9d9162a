// The little of oidc-provider's API that e2e/support/oidc-provider.ts uses; the package ships no types.
declare module "oidc-provider" {
  import type { Server } from "node:http";

  type Grant = { addOIDCScope(scope: string): void; save(): Promise<string> };
  type Context = {
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      provider: Provider;
    };
  };

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & {
      findAccount(context: Context, id: string): Promise<{ accountId: string; claims(): Promise<Record<string, unknown>> }>;
      loadExistingGrant(context: Context): Promise<Grant | undefined>;
    });
    Grant: { new (init: { clientId: string; accountId: string }): Grant; find(id: string): Promise<Grant | undefined> };
    listen(port: number, host: string): Server;
  }
}
