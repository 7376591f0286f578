import { ConfigError } from '#config';

export type StreamSettings = Readonly<{
  /** An SSE comment this often keeps idle connections (and the proxies between) open. */
  heartbeatMs: number;
  /** A client whose socket has not drained for this long is cut: it holds a subscription and reads nothing. */
  stallTimeoutMs: number;
  /** Open streams per API key (per address without auth): each holds a connection and up to a page of events. */
  maxConnectionsPerKey: number;
}>;

const milliseconds = (env: NodeJS.ProcessEnv, name: string, fallback: number, errors: string[]): number => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 10) {
    errors.push(`${name}=${text} is not a duration in milliseconds (10 or more)`);
    return fallback;
  }
  return Number(text);
};

const count = (env: NodeJS.ProcessEnv, name: string, fallback: number, errors: string[]): number => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) {
    errors.push(`${name}=${text} is not a positive whole number`);
    return fallback;
  }
  return Number(text);
};

export const streamSettingsFrom = (env: NodeJS.ProcessEnv): StreamSettings => {
  const errors: string[] = [];
  const settings = {
    heartbeatMs: milliseconds(env, 'TALLY_SSE_HEARTBEAT_MS', 15_000, errors),
    stallTimeoutMs: milliseconds(env, 'TALLY_SSE_STALL_TIMEOUT_MS', 30_000, errors),
    maxConnectionsPerKey: count(env, 'TALLY_SSE_MAX_CONNECTIONS_PER_KEY', 20, errors),
  };
  if (errors.length) throw new ConfigError(errors);
  return settings;
};
