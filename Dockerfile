# Cairn production image: Next.js standalone output served by Cairn's own HTTP server (scripts/serve.ts, bundled),
# started after the bundled migrator, which runs on every start (docs/decisions/001-own-migrator.md,
# docs/decisions/012-own-http-server-and-database-deadlines.md). Node 26 is the Active LTS line (docs/operations.md).
FROM node:26-trixie-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs ./scripts/
COPY prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# The migrator, admin:create, the backup commands and the web server are bundled so the runtime image needs neither tsx nor sources.
# Next, pino and @node-rs/argon2 stay external and come from the standalone output's node_modules, where Next
# traced them.
RUN node node_modules/next/dist/bin/next build \
 && npx esbuild scripts/migrate.ts scripts/admin-create.ts scripts/db-backup.ts scripts/db-restore.ts scripts/serve.ts --bundle --platform=node --format=esm \
      --target=node26 --outdir=dist --out-extension:.js=.mjs --conditions=react-server \
      --external:pg-native --external:@node-rs/argon2 --external:next --external:pino \
      --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"

FROM node:26-trixie-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
RUN useradd --system --uid 1001 --home /app cairn
COPY --from=build --chown=cairn /app/.next/standalone ./
COPY --from=build --chown=cairn /app/.next/static ./.next/static
COPY --from=build --chown=cairn /app/public ./public
COPY --from=build --chown=cairn /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=cairn /app/dist ./dist
USER cairn
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec replaces the shell, so the server runs as PID 1 and gets `docker stop`'s SIGTERM itself, and drains.
CMD ["sh", "-c", "node dist/migrate.mjs && exec node dist/serve.mjs --standalone"]
