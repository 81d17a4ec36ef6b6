/**
 * The names every dev API serves, on any port: the app reaches it through `ng serve`'s proxy
 * (which keeps the browser's `Host: localhost:4200` and `Origin`) or directly on
 * 127.0.0.1:3000, e2e uses 4300/3100/4400 and the bench ports of its own.
 */
const loopbackNames: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

// A DNS name or IPv4 address, or an IPv6 address in brackets, then an optional port.
const hostPattern = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/;

interface HostAndPort {
  name: string;
  port: string | undefined;
}

/**
 * Which `Host` and `Origin` headers the API answers to (issue 14): a page on another site must
 * not drive the dev controls with simple requests, and DNS rebinding (evil.example resolving
 * to 127.0.0.1) must not let it read them. Built once at startup from the config; a bad entry
 * throws then, not on the first request.
 */
export class OriginPolicy {
  /** `name` (any port) or `name:port`. */
  private readonly hosts: ReadonlySet<string>;
  /** Serialized origins (`https://keel.example`). */
  private readonly origins: ReadonlySet<string>;

  constructor(allowedHosts: readonly string[] = [], allowedOrigins: readonly string[] = []) {
    this.hosts = new Set(allowedHosts.map(hostEntry));
    this.origins = new Set(allowedOrigins.map(originEntry));
  }

  /**
   * Whether a `Host` header names this server: a loopback name or a configured host. A missing
   * or unreadable header is refused: every HTTP/1.1 client sends one.
   */
  servesHost(host: string | undefined): boolean {
    const parsed = host === undefined ? undefined : splitHost(host);
    if (!parsed) return false;
    return (
      loopbackNames.has(parsed.name) ||
      this.hosts.has(parsed.name) ||
      (parsed.port !== undefined && this.hosts.has(`${parsed.name}:${parsed.port}`))
    );
  }

  /**
   * Whether a state-changing request may come from `origin` (the `Origin` header as sent):
   * a loopback origin on any port, a configured one, or the origin of the `Host` it was sent
   * to (same-origin, on a host `servesHost` accepted). `null` (sandboxed frames, redirects,
   * `file:`) and anything that is not an http(s) origin are refused.
   */
  acceptsOrigin(origin: string, host: string | undefined): boolean {
    const url = parseOrigin(origin);
    if (!url) return false;
    return (
      loopbackNames.has(url.hostname) ||
      this.origins.has(url.origin) ||
      (host !== undefined && url.host === host.toLowerCase())
    );
  }
}

function splitHost(text: string): HostAndPort | undefined {
  const match = hostPattern.exec(text.toLowerCase());
  if (!match?.[1]) return undefined;
  const port = match[2];
  if (port !== undefined && Number(port) > 65535) return undefined;
  return { name: match[1], port };
}

/** `origin` as a URL when it is exactly a serialized http(s) origin, else undefined. */
function parseOrigin(origin: string): URL | undefined {
  if (!URL.canParse(origin)) return undefined;
  const url = new URL(origin);
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  return web && url.origin === origin ? url : undefined;
}

function hostEntry(entry: string): string {
  const parsed = splitHost(entry.trim());
  if (!parsed) {
    throw new Error(`allowedHosts (API_ALLOWED_HOSTS): "${entry}" is not a host or host:port`);
  }
  return parsed.port === undefined ? parsed.name : `${parsed.name}:${parsed.port}`;
}

function originEntry(entry: string): string {
  const text = entry.trim();
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const bare =
    url !== undefined && url.pathname === '/' && !url.search && !url.hash && !url.username;
  if (!url || !bare || !parseOrigin(url.origin)) {
    throw new Error(
      `allowedOrigins (API_ALLOWED_ORIGINS): "${entry}" is not an origin such as https://keel.example`,
    );
  }
  return url.origin;
}
