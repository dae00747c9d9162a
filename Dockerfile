# Cairn production image: Next.js standalone output plus the bundled migrator,
# which runs on every start before the server (docs/decisions/001-own-migrator.md).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs ./scripts/
COPY prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# The migrator and admin:create are bundled so the runtime image needs neither tsx nor sources;
# @node-rs/argon2 stays external and comes from the standalone output's node_modules.
RUN node node_modules/next/dist/bin/next build \
 && npx esbuild scripts/migrate.ts scripts/admin-create.ts scripts/db-backup.ts scripts/db-restore.ts --bundle --platform=node --format=esm --target=node20 \
      --outdir=dist --out-extension:.js=.mjs --conditions=react-server \
      --external:pg-native --external:@node-rs/argon2 \
      --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN useradd --system --uid 1001 --home /app cairn
COPY --from=build --chown=cairn /app/.next/standalone ./
COPY --from=build --chown=cairn /app/.next/static ./.next/static
COPY --from=build --chown=cairn /app/public ./public
COPY --from=build --chown=cairn /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=cairn /app/dist ./dist
USER cairn
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "node dist/migrate.mjs && exec node server.js"]
