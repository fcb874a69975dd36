import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** What a test file's documents are pointed at, and what reached it. */
export interface RequestTrap {
  /** `http://127.0.0.1:PORT`, known once the file's beforeAll has run. */
  readonly origin: string;
  /** The path of every request received: any entry is a document reaching out. */
  readonly requests: string[];
}

/**
 * A local HTTP server for the file's lifetime that records every request. Its answer is a
 * stylesheet that would hide the page, so a request that got through would also show.
 */
export function useRequestTrap(): RequestTrap {
  const requests: string[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('body { display: none }');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    get origin() {
      return origin;
    },
    requests,
  };
}
