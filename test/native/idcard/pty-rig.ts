import { IdCardReader, type IdCardReaderOptions } from '../../../native/idcard/idcard-reader';
import { samFraming, type SamRequest } from '../../../native/idcard/frame-codec';
import { SerialTransport, type SerialTransportOptions } from '../../../native/serial/serial-transport';
import { IdCardSimulator, type IdCardSimulatorOptions } from '../../../native/sim/idcard-simulator';

export interface Rig {
  sim: IdCardSimulator;
  transport: SerialTransport<SamRequest>;
  reader: IdCardReader;
  close(): Promise<void>;
}

/** A simulated reader on a real pty, and a driver on the real serialport library opening the other end. */
export async function startRig(
  options: {
    sim?: IdCardSimulatorOptions;
    transport?: Partial<SerialTransportOptions<SamRequest>>;
    reader?: Partial<IdCardReaderOptions>;
  } = {},
): Promise<Rig> {
  const sim = new IdCardSimulator(options.sim);
  const path = await sim.start();
  const transport = new SerialTransport<SamRequest>({
    port: { path },
    framing: samFraming,
    deviceName: '身份证阅读器',
    ...options.transport,
  });
  const reader = new IdCardReader({
    channel: transport,
    today: () => new Date(2026, 10, 27),
    ...options.reader,
  });
  try {
    await transport.open(3000);
  } catch (error) {
    await reader.close();
    await sim.close();
    throw error;
  }
  return {
    sim,
    transport,
    reader,
    async close() {
      await reader.close();
      await sim.close();
    },
  };
}
