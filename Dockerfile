# The API for the Docker path (docker-compose.yml). It connects to the Neo4j service
# through NEO4J_URI, applies constraints, seeds idempotently, then serves on PORT: the
# GraphQL API, the playground at / and the explorer at /explorer.

# Build stage: all dependencies (Vite is a devDependency), then the explorer page.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

# Runtime: production dependencies, the sources, and the built page.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
COPY --from=build /app/web/dist ./web/dist
EXPOSE 4000
# node directly (not npm start) so SIGTERM from `docker stop` reaches the server.
CMD ["node", "--import", "tsx", "src/main.ts"]
