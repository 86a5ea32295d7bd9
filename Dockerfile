# ai-worker daemon image: Node 22 LTS, production dependencies only, non-root, tini as PID 1.
# Build: docker build -t ai-worker .      Run: see docs/deploy.md (env, WORKER_ID, stop grace).
# test/container.test.ts checks this file and runs its exact CMD under Debian's tini.

# --- dependencies: resolved from the lockfile, without dev tools (deno, typescript, benchmarks) ---
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime ---
FROM node:22-bookworm-slim
# tini reaps zombies and forwards SIGTERM to node, so the daemon's drain runs on `docker stop`.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
# The daemon runs its TypeScript through tsx (no build step); sql/ holds the migrations, data/ TACO.
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY sql ./sql
COPY data ./data
# The image's files stay root-owned and read-only to the process; it runs as the base image's
# unprivileged `node` user (uid 1000).
USER node
EXPOSE 8080
# Liveness only (/health opens no database work). Node's own fetch: the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM starts the drain: no new claims, running jobs get WORKER_SHUTDOWN_GRACE_SECONDS (25 s),
# then are released. Give the container a stop grace of at least that + 10 s
# (docker run --stop-timeout 35, compose stop_grace_period: 35s); Docker's default 10 s cuts the drain.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
# Exec form, node directly: no npm or shell between tini and the daemon to swallow the signal.
CMD ["node", "bin/ai-worker.js", "start"]
