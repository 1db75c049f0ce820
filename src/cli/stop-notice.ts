/** The line a first Ctrl-C prints while the run waits for the requests it has already sent. */
import type { InFlightRequests } from '../core/in-flight.js';
import type { CliIO } from './io.js';

/**
 * Prints, once at the stop, how many requests the run waits for and how to stop at once; nothing
 * when none is on its way. Returns the listener to remove when the run ends.
 */
export function onStopSayWaiting(io: CliIO, inFlight: InFlightRequests, billedBy: 'engine' | 'judge'): () => void {
  const notice = (): void => {
    const n = inFlight.count;
    if (n === 0) return;
    // On a terminal the progress bar is redrawn in place: clear it, so the line stands alone.
    io.stderr.write(`${io.stderr.isTTY ? '\r\x1b[2K' : ''}vitrans: stopping: waiting for ${n} request${n === 1 ? '' : 's'} already sent (the ${billedBy} bills them); press Ctrl-C again to stop now\n`);
  };
  io.signal.addEventListener('abort', notice, { once: true });
  return () => io.signal.removeEventListener('abort', notice);
}
