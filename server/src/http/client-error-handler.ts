import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HttpProblem } from './http-problem.ts';
import { problemBody } from './send-problem.ts';

type ConnectionError = Error & { code?: string };

/** Why Node's HTTP parser gave up, by its error code, as status and detail. */
function problemFor(code: string | undefined): HttpProblem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new HttpProblem('bad-request', {
        status: 431,
        detail: `The request line and headers are larger than ${maxHeaderSize} bytes.`,
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpProblem('bad-request', {
        status: 408,
        detail: 'The request did not arrive in time.',
      });
    case 'HPE_INVALID_EOF_STATE':
      return new HttpProblem('bad-request', {
        detail: 'The connection ended before the body its Content-Length announced.',
      });
    default:
      return new HttpProblem('bad-request', {
        detail: `The bytes are not valid HTTP/1.1 (${code ?? 'unknown'}); a Content-Length shorter than its body leaves such bytes behind.`,
      });
  }
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser rejects before there is a request (a
 * header over 16 KiB, bytes that are not HTTP, such as the rest of a body longer than its
 * Content-Length) still answers as problem+json, with an X-Request-Id (a new one: the
 * request's own was never read) and X-Flags-Version, like every other answer. There is no
 * reply here, so the response is written on the socket by hand; the connection is closed after
 * it, as the parser cannot find where the next request would begin.
 */
export function clientErrorHandler(
  commonHeaders: (requestId: string) => Record<string, string>,
  log: (line: string) => void,
) {
  return (error: ConnectionError, socket: Socket): void => {
    // A reset connection has nobody left to answer (Fastify's default does the same).
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const problem = problemFor(error.code);
    const requestId = randomUUID();
    log(
      `[keel-api] client error ${error.code ?? error.message}: ${problem.status} id=${requestId}`,
    );
    // As Node's own default: write only when no answer to an earlier (pipelined) request on
    // this socket has begun, or these bytes would land in the middle of it.
    if (socket.writable && !responseStarted(socket)) {
      const body = problemBody(problem, requestId);
      const headers = {
        'content-type': 'application/problem+json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        ...commonHeaders(requestId),
        connection: 'close',
      };
      const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.write(
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head.join('')}\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

function responseStarted(socket: Socket): boolean {
  // Node keeps the response in flight on its socket (`_httpMessage`); it is not public API.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  return inFlight?.headersSent ?? false;
}
