import { setupServer } from 'msw/node';

/**
 * The one msw server every test file shares. Tests add handlers with `server.use(...)`;
 * they are reset after each test. Nothing reaches the network: see ./msw.ts.
 */
export const server = setupServer();

/** Requests that reached msw without a handler during the current test. */
export const unhandledRequests: string[] = [];
