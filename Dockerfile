# Image for the concord command line (sweeps on Kubernetes, Apptainer/Singularity on Slurm).
#
#   docker build -t concord .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD/results:/results" concord \
#     sweep /app/scenarios/experiments/sahel-sharing-joc.json --out /results/sahel-sharing-joc.csv
#
# The CLI runs its TypeScript through tsx at run time (bin/concord.mjs registers it), so there
# is no build step: the image holds the sources and the production dependencies only. tsx,
# tinypool, zod, seedrandom, topojson-client and world-atlas (the country shapes the scenarios
# load) are all "dependencies" in package.json, so `npm ci --omit=dev` is enough.
# Build on the architecture the cluster runs (docker build --platform linux/amd64 …): npm ci
# installs esbuild's native binary for the platform it runs on.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: package.json denies esbuild's install script already (allowScripts), and
# tsx works without it; no other runtime dependency has one.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# The classroom server (docs/CLASSROOM.md): `docker build --target serve -t concord-serve .`,
# `docker run -p 4400:4400 -v concord-data:/data concord-serve`. The app is built here (vite is
# a dev dependency), then only dist/ joins the runtime image.
FROM node:20-bookworm-slim AS app
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY index.html vite.config.ts tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY workers ./workers
COPY scenarios ./scenarios
COPY public ./public
RUN node_modules/.bin/vite build --logLevel error

FROM node:20-bookworm-slim AS serve
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY scripts/csp.ts ./scripts/csp.ts
COPY scenarios ./scenarios
COPY --from=app /app/dist ./dist
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 4400
VOLUME /data
ENTRYPOINT ["node", "/app/bin/concord.mjs", "serve", "--host", "0.0.0.0", "--data", "/data"]

# The command line (the default target: the last stage).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY scenarios ./scenarios
# Run as the image's unprivileged user (uid 1000 in the node images). Results go to a volume
# mounted at /results: on Kubernetes set fsGroup (deploy/k8s/sweep-job.yaml does); with
# `docker run -v` add `--user "$(id -u):$(id -g)"` so the files belong to you.
RUN mkdir /results && chown node:node /results
USER node
WORKDIR /results
ENTRYPOINT ["node", "/app/bin/concord.mjs"]
CMD ["--help"]
