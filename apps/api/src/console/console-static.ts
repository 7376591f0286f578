// The console (apps/console, built by `npm run build` into dist/console) served by the api itself: `/` answers
// index.html and `/assets/*` the hashed bundles, under a Content-Security-Policy that allows only this origin. The
// console uses hash routes, so no other path is the console's; /docs and /v1 stay the api's.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Only this origin: scripts, styles, images and api calls; no inline script or style, no framing, no plugins. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The repository (or installed package) root: the nearest folder above this file with a package.json. */
const packageRoot = (): string => {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
};

/** dist/console under the package root: the same folder from the sources (tsx, jest) and from dist/ (node). */
export const consoleDirectory = (): string => process.env.TALLY_CONSOLE_DIR || join(packageRoot(), 'dist', 'console');

const withConsoleHeaders = (response: Response): void => {
  response.setHeader('Content-Security-Policy', CONSOLE_CSP);
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
};

export const serveConsole = (app: NestExpressApplication, directory = consoleDirectory()): void => {
  const index = join(directory, 'index.html');
  const page = (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    withConsoleHeaders(response);
    response.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) {
      response.status(404).type('text/plain').send('The console is not built: run `npm run build` (or `npm run build:console`). The api is at /docs.\n');
      return;
    }
    response.sendFile(index, { dotfiles: 'deny' });
  };
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path === '/' || request.path === '/index.html') return page(request, response, next);
    next();
  });
  const assets = express.static(join(directory, 'assets'), {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: false,
    // Hashed file names: a new build has new names.
    immutable: true,
    maxAge: '365d',
    setHeaders: withConsoleHeaders,
  });
  app.use('/assets', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    assets(request, response, (error?: unknown) => {
      if (error) {
        response.status(404).type('text/plain').send('Not found\n');
        return;
      }
      next();
    });
  });
};
