import type { DeviceLocation } from '../../contract';
import { samFraming, type SamRequest } from '../../../native/idcard/frame-codec';
import { IdCardReader } from '../../../native/idcard/idcard-reader';
import { IdCardSimulator } from '../../../native/sim/idcard-simulator';
import { InMemoryChannel } from '../../../native/sim/in-memory-channel';
import { SamResponder } from '../../../native/sim/sam-responder';
import type { SimCard } from '../../../native/sim/sample-cards';
import { fromTransport, type DeviceStatus } from './device-status';
import { hasSocat } from './socat';

/** The simulated reader's controls for the 模拟设备 panel. */
export interface CardSimulation {
  place(card: SimCard): void;
  remove(): void;
}

export interface IdCardDevice {
  reader: IdCardReader;
  simulation: CardSimulation | null;
  close(): Promise<void>;
}


/**
 * Opens the configured reader. 'sim' runs the simulator on a real pseudo-terminal (so training
 * exercises the same serial code as a counter), or in memory where no pty can be made.
 */
export async function openIdCardDevice(location: Exclude<DeviceLocation, 'none'>, onStatus: (s: DeviceStatus) => void): Promise<IdCardDevice> {
  if (location === 'sim') return hasSocat() ? openPtySimulation(onStatus) : openInMemorySimulation(onStatus);
  const reader = IdCardReader.overSerial({ port: location });
  reader.on('status', (s) => onStatus(fromTransport('idcard', s, false)));
  return { reader, simulation: null, close: () => reader.close() };
}

async function openPtySimulation(onStatus: (s: DeviceStatus) => void): Promise<IdCardDevice> {
  const simulator = new IdCardSimulator({ pace: true });
  const path = await simulator.start();
  const reader = IdCardReader.overSerial({ port: { path } });
  reader.on('status', (s) => onStatus(fromTransport('idcard', s, true)));
  return {
    reader,
    simulation: { place: (card) => simulator.placeCard(card), remove: () => simulator.removeCard() },
    async close() {
      await reader.close();
      await simulator.close();
    },
  };
}

function openInMemorySimulation(onStatus: (s: DeviceStatus) => void): IdCardDevice {
  const responder = new SamResponder();
  const channel = new InMemoryChannel<SamRequest>((r) => responder.respond(r), samFraming, '身份证阅读器');
  const reader = new IdCardReader({ channel });
  onStatus({ kind: 'idcard', label: '身份证阅读器', state: 'connected', detail: '模拟设备（内存）', simulated: true });
  return {
    reader,
    simulation: { place: (card) => responder.placeCard(card), remove: () => responder.removeCard() },
    close: () => reader.close(),
  };
}
