/**
 * Requests sent and not answered yet, counted across every run that shares the counter: what a
 * stop (the first Ctrl-C) waits for, and what the CLI tells the user it is waiting for.
 */
export class InFlightRequests {
  private n = 0;

  /** Requests on their way now. */
  get count(): number {
    return this.n;
  }

  /**
   * Counts `request` while it is unsettled and passes its outcome through.
   * @example const out = await inFlight.track(engine.translate(request))
   */
  async track<T>(request: Promise<T>): Promise<T> {
    this.n++;
    try {
      return await request;
    } finally {
      this.n--;
    }
  }
}
