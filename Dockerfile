# The image for the API and for the loader job (docker-compose.yml, deploy/k8s/).
#   API:    the default command; it only reads, and is ready (HEALTHCHECK on /readyz)
#           once the database answers with a graph version it serves.
#   Loader: `node dist/seed/cli.js` (what npm run load runs, compiled), run once per deploy.
#
# Node 24: the current Active LTS line (supported to April 2028); Node 20, used before,
# reached end of life in April 2026. The tag names the major and the Debian release, so
# rebuilds take security patches; pin a digest (node:24-bookworm-slim@sha256:…) where
# builds must be reproducible. test/deploy.test.ts checks the rules this file keeps.

# Build stage: all dependencies (Vite and TypeScript are devDependencies), then the
# explorer page and the compiled server and loader (npm run build → dist/): the image
# runs plain JavaScript, with no TypeScript loader at run time.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && npm run build

# Runtime: production dependencies, the sources, the built page and dist/, owned by root and
# run as the image's unprivileged `node` user, which can read but not change them.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    SEED_ON_START=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# No curl in the slim image: Node's fetch asks /readyz (503 until ready).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npm start) so SIGTERM from `docker stop` reaches the server.
CMD ["node", "dist/src/main.js"]
