import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { server, unhandledRequests } from './server.js';

// 'error' makes an unmocked request fail. The code under test may swallow that failure
// (a retry loop, a catch-all), so every unhandled request is also recorded and fails the test.
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:unhandled', ({ request }) => {
    unhandledRequests.push(`${request.method} ${request.url}`);
  });
});

beforeEach(() => {
  unhandledRequests.length = 0;
});

afterEach(() => {
  server.resetHandlers();
  const leaked = unhandledRequests.splice(0);
  expect(leaked, 'requests reached msw without a handler (a real network call was attempted)').toEqual([]);
});

afterAll(() => {
  server.close();
});
