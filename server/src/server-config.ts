import type { IntervalTimers } from './flags/flag-stream.ts';

/** What `buildServer` needs; `main.ts` fills it from the environment, tests from code. */
export interface ServerConfig {
  /** SQLite file path, or `':memory:'` (tests). */
  dbPath: string;
  /** Lifetime of access tokens. @default 120 */
  accessTokenTtlS?: number;
  /** Hides `/api/_dev` and turns the network console flag off. @default false */
  production?: boolean;
  /**
   * `Host` names served besides the loopback ones (`localhost`, `127.0.0.1`, `[::1]`, any port):
   * `name` for any port, `name:port` for one. @default []
   */
  allowedHosts?: readonly string[];
  /**
   * Origins (`https://keel.example`) whose state-changing requests are accepted besides
   * loopback origins (any port) and the server's own (the origin of an allowed `Host`).
   * @default []
   */
  allowedOrigins?: readonly string[];
  /** HS256 secret for access tokens. @default a random secret per start */
  jwtSecret?: string;
  /** Milliseconds since the epoch. Tests move it forward instead of waiting. @default Date.now */
  now?: () => number;
  /** Source of chaos draws in [0, 1). Tests pin it to make chaos deterministic. @default Math.random */
  random?: () => number;
  /** Receives one line per request and every unexpected error. @default nothing is logged */
  log?: (line: string) => void;
  /** Heartbeat of `GET /api/flags/stream`. @default 15000 */
  flagStreamHeartbeatMs?: number;
  /** setInterval/clearInterval for the stream's heartbeat; tests fire it by hand. @default the real ones */
  intervals?: IntervalTimers;
}
