# The room server for an organisation: the game and the room for phone votes from one Node process
# (docs/it.md). The first stage builds the game and bundles the server into one file; the image keeps
# only those two, on a slim Node, run as the unprivileged user `node`.
#
#   docker build -t many-masters .
#   docker run -p 8080:8080 many-masters [--public-url https://intranet.example/many-masters/]

FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npx tsx scripts/roomApp.ts server-folder /out

FROM node:22-bookworm-slim
WORKDIR /app
COPY --from=build /out/ ./
USER node
ENV PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "room-server.cjs", "--host", "0.0.0.0", "--no-open", "--dir", "web"]
