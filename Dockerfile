# Builds the TypeScript sources and runs the standalone service (all services in one process).
#   docker build -t dul-ledger . && docker run -p 3000:3000 -e HOST=0.0.0.0 dul-ledger
# docker-compose.yml uses this image for its `standalone` service.
FROM node:20-slim

WORKDIR /app

# Native modules (better-sqlite3) ship prebuilt binaries for linux x64/arm64 glibc; these tools are
# only the fallback for when npm has to compile one from source.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

# Dependencies first, so source changes do not invalidate the npm ci layer.
COPY package.json package-lock.json ./
RUN npm ci

# Only what the build needs (tsconfig.build.json compiles apps/ and libs/). Copying `.` would also
# bring a host node_modules/ with host-built native binaries, as the repository has no .dockerignore.
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# The compiled code still imports the @dul/* path aliases of tsconfig.json, which plain node cannot
# resolve. tsconfig-paths (a devDependency, hence no `npm prune --omit=dev`) maps them onto ./dist.
ENV NODE_ENV=production \
    TS_NODE_BASEURL=./dist \
    NODE_OPTIONS="--require tsconfig-paths/register" \
    HOST=0.0.0.0 \
    PORT=3000 \
    SQLITE_PATH=/app/data/ledger.db

RUN mkdir -p /app/data && chown -R node:node /app/data
USER node

EXPOSE 3000
CMD ["node", "dist/apps/standalone/main.js"]
