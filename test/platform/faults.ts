import { z } from 'zod';

/**
 * Injected faults (API.md "Stand-in administration"): what the extranet and the real platform do to
 * a workstation — lost connections before or after the commit, hangs, 5xx, slowness, thin links,
 * cuts in the middle of an upload. They apply to the provincial API only, never to /admin.
 */
export const FAULT_ACTIONS = ['drop-before', 'drop-after', 'hang-after', 'status', 'latency', 'throttle', 'cut-after-bytes'] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

export const faultSchema = z
  .object({
    match: z
      .object({
        method: z.string().regex(/^[A-Za-z]+$/).optional(),
        pathPrefix: z.string().startsWith('/').optional(),
      })
      .default({}),
    action: z.enum(FAULT_ACTIONS),
    status: z.number().int().min(100).max(599).optional(),
    ms: z.number().int().min(0).max(600_000).optional(),
    bytesPerSecond: z.number().positive().optional(),
    bytes: z.number().int().min(0).optional(),
    /** How many matching requests it hits (default 1; 0 = until cleared). */
    times: z.number().int().min(0).default(1),
  })
  .superRefine((fault, ctx) => {
    const need = { status: 'status', latency: 'ms', throttle: 'bytesPerSecond', 'cut-after-bytes': 'bytes' } as const;
    const field = need[fault.action as keyof typeof need];
    if (field && fault[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${fault.action} 需要 ${field}` });
  });

/** A fault as an admin writes it (times and match may be left out). */
export type Fault = z.input<typeof faultSchema>;
type ParsedFault = z.output<typeof faultSchema>;

/** What the faults that hit one request ask of it; at most one of each action applies. */
export interface RequestFaults {
  dropBefore: boolean;
  dropAfter: boolean;
  hangAfter: boolean;
  status: number | null;
  latencyMs: number;
  pacer: Pacer | null;
  cutAfterBytes: number | null;
}

export const NO_FAULTS: RequestFaults = {
  dropBefore: false,
  dropAfter: false,
  hangAfter: false,
  status: null,
  latencyMs: 0,
  pacer: null,
  cutAfterBytes: null,
};

interface ActiveFault {
  fault: ParsedFault;
  /** Requests it still hits; Infinity for times = 0. */
  remaining: number;
  /** A throttle is one link: every request it hits shares its pace. */
  pacer: Pacer | null;
}

export class FaultSet {
  private active: ActiveFault[] = [];

  /** Replaces the faults; each is checked (throws a ZodError naming the field). */
  set(faults: Fault[]): void {
    this.active = faults.map((f) => {
      const fault = faultSchema.parse(f);
      return {
        fault,
        remaining: fault.times === 0 ? Infinity : fault.times,
        pacer: fault.action === 'throttle' ? new Pacer(fault.bytesPerSecond ?? 1) : null,
      };
    });
  }

  clear(): void {
    this.active = [];
  }

  /** The faults for a request now arriving; each one that matches counts this request against its `times`. */
  take(method: string, path: string): RequestFaults {
    const taken: RequestFaults = { ...NO_FAULTS };
    const seen = new Set<FaultAction>();
    for (const entry of this.active) {
      const { fault } = entry;
      if (entry.remaining <= 0 || seen.has(fault.action) || !matches(fault, method, path)) continue;
      seen.add(fault.action);
      entry.remaining -= 1;
      apply(taken, entry);
    }
    this.active = this.active.filter((entry) => entry.remaining > 0);
    return taken;
  }
}

function matches(fault: ParsedFault, method: string, path: string): boolean {
  if (fault.match.method && fault.match.method.toUpperCase() !== method.toUpperCase()) return false;
  return !fault.match.pathPrefix || path.startsWith(fault.match.pathPrefix);
}

function apply(taken: RequestFaults, entry: ActiveFault): void {
  const { fault } = entry;
  switch (fault.action) {
    case 'drop-before':
      taken.dropBefore = true;
      break;
    case 'drop-after':
      taken.dropAfter = true;
      break;
    case 'hang-after':
      taken.hangAfter = true;
      break;
    case 'status':
      taken.status = fault.status ?? 503;
      break;
    case 'latency':
      taken.latencyMs = fault.ms ?? 0;
      break;
    case 'throttle':
      taken.pacer = entry.pacer;
      break;
    case 'cut-after-bytes':
      taken.cutAfterBytes = fault.bytes ?? 0;
      break;
  }
}

/**
 * A token bucket for a simulated link: after n bytes arrive, how long to stop reading so the
 * average stays at bytesPerSecond. The schedule is absolute (nextAt), so a timer that fires late
 * does not slow the link down; a short burst allowance lets the link fill the gap between two
 * requests, as a real link's buffers do.
 */
export class Pacer {
  private nextAt = -Infinity;

  constructor(
    readonly bytesPerSecond: number,
    private readonly burstMs = 50,
  ) {}

  delayAfter(bytes: number, now = performance.now()): number {
    const start = Math.max(this.nextAt, now - this.burstMs);
    this.nextAt = start + (bytes / this.bytesPerSecond) * 1000;
    return Math.max(0, this.nextAt - now);
  }
}
