import type { DeviceLocation } from '../../contract';
import { SigpadDriver } from '../../../native/sigpad/sigpad-driver';
import type { SignaturePad } from '../../../native/sigpad/signature-pad';
import type { PenPoint } from '../../../native/sigpad/strokes';
import { SAMPLE_SIGNATURES, type SampleSignatureName } from '../../../native/sim/sample-signatures';
import { SigpadSimulator } from '../../../native/sim/sigpad-simulator';
import { DEVICE_LABELS, fromTransport, type DeviceStatus } from './device-status';
import { hasSocat } from './socat';

/** The simulated pad's signer, for the 模拟设备 panel: sign a sample or the trainee's mouse strokes. */
export interface SignerSimulation {
  readonly signing: boolean;
  readonly prompt: string;
  readonly area: { width: number; height: number };
  sign(input: { sample: SampleSignatureName } | { strokes: PenPoint[][] }): Promise<void>;
  cancel(): void;
}

export interface SigpadDevice {
  pad: SignaturePad;
  simulation: SignerSimulation | null;
  close(): Promise<void>;
}

/**
 * Opens the configured pad. 'sim' needs a pseudo-terminal (socat): unlike the card reader, the pad
 * sends events of its own, so there is no in-memory shortcut that would test the same code.
 */
export async function openSigpadDevice(location: Exclude<DeviceLocation, 'none'>, onStatus: (s: DeviceStatus) => void): Promise<SigpadDevice> {
  if (location !== 'sim') {
    const pad = SigpadDriver.overSerial({ port: location });
    pad.on('status', (s) => {
      if (s.state === 'connected' || s.state === 'disconnected' || s.state === 'reconnecting') onStatus(fromTransport('sigpad', s, false));
    });
    return { pad, simulation: null, close: () => pad.close() };
  }
  if (!hasSocat()) {
    throw new Error('模拟签名板需要 socat（apt-get install socat）');
  }
  const simulator = new SigpadSimulator();
  const path = await simulator.start();
  const pad = SigpadDriver.overSerial({ port: { path } });
  pad.on('status', (s) => {
    if (s.state === 'connected' || s.state === 'disconnected' || s.state === 'reconnecting') onStatus(fromTransport('sigpad', s, true));
  });
  onStatus({ kind: 'sigpad', label: DEVICE_LABELS.sigpad, state: 'connecting', detail: '正在连接…', simulated: true });
  return {
    pad,
    simulation: {
      get signing() {
        return simulator.state === 'signing';
      },
      get prompt() {
        return simulator.prompt;
      },
      area: { width: simulator.info.width, height: simulator.info.height },
      async sign(input) {
        const { width, height, maxPressure } = simulator.info;
        // Points outside the pad's writing area cannot come from the pad: clamp them onto it.
        const strokes =
          'sample' in input
            ? SAMPLE_SIGNATURES[input.sample]
            : input.strokes.map((stroke) =>
                stroke.map((p) => ({ x: Math.min(p.x, width), y: Math.min(p.y, height), pressure: Math.min(p.pressure, maxPressure), t: p.t })),
              );
        // Faster than real time: a trainee should not wait for a replay of their own mouse.
        await simulator.sign(strokes, { pointsPerMs: 2, confirm: true });
      },
      cancel: () => simulator.signerCancels(),
    },
    async close() {
      await pad.close();
      await simulator.close();
    },
  };
}
