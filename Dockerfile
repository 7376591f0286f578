# One image for the api and the projector (docker-compose.yml picks the entry point).
FROM node:20
WORKDIR /app
# Dependencies first, so a source change does not reinstall them.
COPY package.json package-lock.json ./
# --ignore-scripts: the sources are not here yet for `prepare` (the build), which runs below.
RUN npm ci --ignore-scripts
# Only what the build reads: copying `.` would drag the host's node_modules over the ones just installed.
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY projections ./projections
COPY bench ./bench
RUN npm run build
ENV NODE_ENV=production
CMD ["node", "dist/apps/api/src/main.js"]
