import { request } from 'node:http';

export interface SseMessage {
  readonly id: string;
  readonly event: string;
  readonly data: unknown;
}

/**
 * Reads a Server-Sent Events stream until `count` messages arrived (or `timeoutMs` passed), then
 * hangs up: what an agency's client does, reduced to what the tests need.
 */
export function readSse(
  url: string,
  headers: Record<string, string>,
  count: number,
  timeoutMs = 10_000,
): Promise<SseMessage[]> {
  return new Promise((resolve, reject) => {
    const messages: SseMessage[] = [];
    let buffer = '';
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          reject(Object.assign(new Error(`SSE answered ${res.statusCode}: ${body}`), { status: res.statusCode })),
        );
        return;
      }
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':') && line.includes(': '))
              .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
          );
          if (fields.data === undefined) continue;
          messages.push({
            id: fields.id ?? '',
            event: fields.event ?? 'message',
            data: JSON.parse(fields.data) as unknown,
          });
          if (messages.length >= count) {
            clearTimeout(timer);
            req.destroy();
            resolve(messages);
          }
        }
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(messages);
    }, timeoutMs);
    req.on('error', (error) => {
      if (messages.length >= count) return;
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}
