/** Prometheus text exposition (format 0.0.4) of a few counters and a latency histogram, without a client library. */
const BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServiceMetrics {
  readonly #requests = new Map<string, number>();
  readonly #durationBuckets = new Float64Array(BUCKETS_S.length + 1);
  #durationSumS = 0;
  #durationCount = 0;
  elementSetsStored = 0;
  elementSetsDuplicate = 0;
  uploadsRejected = 0;
  sseClients = 0;

  observeRequest(method: string, route: string, status: number, durationS: number): void {
    const key = `method="${method}",route="${route.replaceAll('"', '')}",status="${status}"`;
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
    let i = BUCKETS_S.findIndex((b) => durationS <= b);
    if (i === -1) i = BUCKETS_S.length;
    this.#durationBuckets[i] = (this.#durationBuckets[i] ?? 0) + 1;
    this.#durationSumS += durationS;
    this.#durationCount += 1;
  }

  render(gauges: Readonly<Record<string, number>>): string {
    const lines: string[] = [];
    lines.push('# HELP concord_http_requests_total HTTP requests by method, route and status.');
    lines.push('# TYPE concord_http_requests_total counter');
    for (const [labels, n] of [...this.#requests.entries()].sort())
      lines.push(`concord_http_requests_total{${labels}} ${n}`);
    lines.push('# HELP concord_http_request_duration_seconds HTTP request latency.');
    lines.push('# TYPE concord_http_request_duration_seconds histogram');
    let cumulative = 0;
    BUCKETS_S.forEach((b, i) => {
      cumulative += this.#durationBuckets[i] ?? 0;
      lines.push(`concord_http_request_duration_seconds_bucket{le="${b}"} ${cumulative}`);
    });
    lines.push(`concord_http_request_duration_seconds_bucket{le="+Inf"} ${this.#durationCount}`);
    lines.push(`concord_http_request_duration_seconds_sum ${this.#durationSumS}`);
    lines.push(`concord_http_request_duration_seconds_count ${this.#durationCount}`);
    const counters: [string, string, number][] = [
      ['concord_element_sets_stored_total', 'Element sets appended to the history.', this.elementSetsStored],
      [
        'concord_element_sets_duplicate_total',
        'Element sets received again and not stored.',
        this.elementSetsDuplicate,
      ],
      ['concord_uploads_rejected_total', 'Uploads rejected as a whole (bad records).', this.uploadsRejected],
    ];
    for (const [name, help, value] of counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${value}`);
    }
    lines.push(
      '# HELP concord_sse_clients Connected alert stream clients.',
      '# TYPE concord_sse_clients gauge',
    );
    lines.push(`concord_sse_clients ${this.sseClients}`);
    for (const [name, value] of Object.entries(gauges)) {
      lines.push(`# TYPE ${name} gauge`, `${name} ${value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
