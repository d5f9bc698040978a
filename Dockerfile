# The API for the Docker path (docker-compose.yml). It connects to the Neo4j service
# through NEO4J_URI, applies constraints, seeds idempotently, then serves on PORT.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
EXPOSE 4000
# node directly (not npm start) so SIGTERM from `docker stop` reaches the server.
CMD ["node", "--import", "tsx", "src/main.ts"]
