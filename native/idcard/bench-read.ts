import { IdCardSimulator } from '../sim/idcard-simulator';
import { SAMPLE_CARDS } from '../sim/sample-cards';
import { IdCardReader } from './idcard-reader';

export interface ReadOverhead {
  /** Median wall time of one full read (find → select → read → parsed card). */
  medianReadMs: number;
  /** Time the bytes of one read need on the serial line: (request + response bytes) × 10 bits / baud. */
  lineTimeMs: number;
  /** What the driver adds over the line: medianReadMs − lineTimeMs (QUALITY.md: < 20 ms). */
  overheadMs: number;
  bytesPerRead: number;
  runs: number;
  baudRate: number;
}

/**
 * Full reads through the real serial transport against the simulator pacing its bytes at the line
 * rate (a pty has no baud rate of its own), so the difference to the line time is the driver's cost:
 * framing, queueing, decoding, parsing, validation, plus event-loop and timer latency.
 */
export async function measureReadOverhead({
  runs,
  baudRate = 115200,
}: {
  runs: number;
  baudRate?: number;
}): Promise<ReadOverhead> {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('runs must be a positive integer');
  const simulator = new IdCardSimulator({ baudRate, pace: true });
  const path = await simulator.start();
  const reader = IdCardReader.overSerial({ port: { path }, baudRate });
  try {
    await reader.waitConnected(3000);
    const card = SAMPLE_CARDS.han;
    const times: number[] = [];
    const bytes: number[] = [];
    for (let run = -1; run < runs; run++) {
      // Lift and place the card so every run is a full find → select → read.
      simulator.removeCard();
      simulator.placeCard(card);
      const before = simulator.stats.bytesIn + simulator.stats.bytesOut;
      const started = performance.now();
      await reader.readOnce(5000);
      const elapsed = performance.now() - started;
      if (run < 0) continue; // the first read warms up the JIT and the port
      times.push(elapsed);
      bytes.push(simulator.stats.bytesIn + simulator.stats.bytesOut - before);
    }
    const bytesPerRead = median(bytes);
    const medianReadMs = median(times);
    const lineTimeMs = (bytesPerRead * 10 * 1000) / baudRate;
    return { medianReadMs, lineTimeMs, overheadMs: medianReadMs - lineTimeMs, bytesPerRead, runs, baudRate };
  } finally {
    await reader.close();
    await simulator.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
