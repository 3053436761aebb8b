# Builds the services with `nest build` and runs the standalone service (all services in one process).
#   docker build -t dul-ledger . && docker run -p 3000:3000 -e HOST=0.0.0.0 dul-ledger
# docker-compose.yml uses this image for its `standalone` service. Three stages: the build (dev
# dependencies, compilers), the production dependencies (`npm ci --omit=dev`), and a slim runtime
# with only those and dist/, running as the unprivileged `node` user.

FROM node:20-slim AS toolchain
WORKDIR /app
# Native modules (better-sqlite3) ship prebuilt binaries for linux x64/arm64 glibc; these tools are
# only the fallback for when npm has to compile one from source.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./

FROM toolchain AS build
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM toolchain AS production-dependencies
RUN npm ci --omit=dev

FROM node:20-slim AS runtime
WORKDIR /app
# The compiled code still imports the @dul/* path aliases of tsconfig.json, which plain node cannot
# resolve; tsconfig-paths (a production dependency) maps them onto ./dist.
ENV NODE_ENV=production \
    TS_NODE_BASEURL=./dist \
    NODE_OPTIONS="--require tsconfig-paths/register" \
    HOST=0.0.0.0 \
    PORT=3000 \
    SQLITE_PATH=/app/data/ledger.db
COPY --chown=node:node package.json tsconfig.json ./
COPY --from=production-dependencies --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3000
# GET /health is public and answers 200 when the stores answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/apps/standalone/main.js"]
