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
