// Nest's Logger as JSON lines before the app exists (start-up, seeding, the first key) and after it is closed
// (stopping): the same pino logger the request log writes through, so a process writes one format.
import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

const contextOf = (params: unknown[]): { context?: string; rest: unknown[] } =>
  typeof params[params.length - 1] === 'string' ? { context: params[params.length - 1] as string, rest: params.slice(0, -1) } : { rest: params };

const text = (message: unknown): string => (typeof message === 'string' ? message : message instanceof Error ? message.message : JSON.stringify(message));

export const nestLoggerOf = (logger: Logger): LoggerService => {
  const write =
    (level: 'info' | 'warn' | 'error' | 'debug' | 'trace') =>
    (message: unknown, ...params: unknown[]) => {
      const { context, rest } = contextOf(params);
      // Nest passes an error's stack as the parameter after the message.
      const stack = level === 'error' && typeof rest[0] === 'string' ? { stack: rest[0] } : {};
      logger[level]({ ...(context ? { context } : {}), ...stack }, text(message));
    };
  return { log: write('info'), warn: write('warn'), error: write('error'), debug: write('debug'), verbose: write('trace'), fatal: write('error') };
};
