/**
 * What the platform saw, for tests and benchmarks: requests by route and outcome
 * (`"POST /api/v1/cases 201"`, `"PATCH /api/v1/blobs/{hash} cut"`), request body bytes read, and
 * file bytes persisted. Outcomes other than a status: dropped, hung, cut, aborted (the client left).
 */
export interface PlatformStats {
  requests: Record<string, number>;
  bodyBytesReceived: number;
  blobBytesReceived: number;
}

export class StatsCounter {
  private readonly requests = new Map<string, number>();
  bodyBytesReceived = 0;
  blobBytesReceived = 0;

  count(method: string, route: string, outcome: string | number): void {
    const key = `${method} ${route} ${outcome}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  snapshot(): PlatformStats {
    return { requests: Object.fromEntries(this.requests), bodyBytesReceived: this.bodyBytesReceived, blobBytesReceived: this.blobBytesReceived };
  }
}
