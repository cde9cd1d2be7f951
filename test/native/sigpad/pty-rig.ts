import { FrameTap } from '../../../native/sigpad/frame-tap';
import { SigpadDriver, type SigpadDriverOptions } from '../../../native/sigpad/sigpad-driver';
import { sigpadHostFraming } from '../../../native/sigpad/sigpad-codec';
import type { HostCommand } from '../../../native/sigpad/sigpad-messages';
import { SerialTransport, type SerialTransportOptions } from '../../../native/serial/serial-transport';
import { SigpadSimulator, type SigpadSimulatorOptions } from '../../../native/sim/sigpad-simulator';

export interface SigpadRig {
  sim: SigpadSimulator;
  transport: SerialTransport<HostCommand>;
  driver: SigpadDriver;
  close(): Promise<void>;
}

/** A simulated pad on a real pty, and the driver on the real serialport library opening the other end. */
export async function startSigpadRig(
  options: {
    sim?: SigpadSimulatorOptions;
    transport?: Partial<SerialTransportOptions<HostCommand>>;
    driver?: Partial<SigpadDriverOptions>;
  } = {},
): Promise<SigpadRig> {
  const sim = new SigpadSimulator(options.sim);
  const path = await sim.start();
  const tap = new FrameTap(sigpadHostFraming);
  const transport = new SerialTransport<HostCommand>({
    port: { path },
    framing: tap.framing,
    deviceName: '签名板',
    backoff: { initialMs: 50, maxMs: 200 },
    ...options.transport,
  });
  const driver = new SigpadDriver({ channel: transport, frames: tap, ...options.driver });
  try {
    await transport.open(3000);
  } catch (error) {
    await driver.close();
    await sim.close();
    throw error;
  }
  return {
    sim,
    transport,
    driver,
    async close() {
      await driver.close();
      await sim.close();
    },
  };
}
