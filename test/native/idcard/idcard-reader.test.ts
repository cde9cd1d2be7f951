import { afterEach, describe, expect, it } from 'vitest';
import type { CardReading } from '../../../native/idcard/card-reading';
import type { TransportStatus } from '../../../native/serial/command-channel';
import type { DeviceError } from '../../../native/serial/device-error';
import { FOREIGN_PERMANENT_RESIDENT_CARD, SAMPLE_CARDS, SAMPLE_HOLDERS } from '../../../native/sim/sample-cards';
import { nextEvent, waitFor } from '../wait';
import { startRig, type Rig } from './pty-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function rigged(options?: Parameters<typeof startRig>[0]): Promise<Rig> {
  rig = await startRig(options);
  return rig;
}

function resident(card: CardReading) {
  if (card.cardType !== 'resident') throw new Error(`expected a resident card, got ${card.cardType}`);
  return card;
}

const READ = 0x30;

describe('ID card reader over a real pty', () => {
  it('reads a card with every field, the ID check and the undecoded photo', async () => {
    const { sim, reader } = await rigged();
    sim.placeCard(SAMPLE_CARDS.uyghur);
    const card = resident(await reader.readOnce(3000));
    expect(card).toEqual({
      cardType: 'resident',
      supported: true,
      name: '买买提江·阿不都热合曼',
      sexCode: '1',
      sex: '男',
      nationCode: '05',
      nation: '维吾尔',
      birthDate: '1979-07-22',
      address: '湖南省长沙市岳麓区麓山南路九十二号',
      idNumber: '650102197907221313',
      issuer: '长沙市公安局岳麓分局',
      validFrom: '2012-03-10',
      validTo: '2032-03-10',
      idNumberCheck: { valid: true, normalized: '650102197907221313', birthDate: '1979-07-22', sex: '男' },
      photo: { format: 'wlt', bytes: 1024, decoded: false, wlt: SAMPLE_CARDS.uyghur.photo },
    });
    expect(sim.stats.requests).toBe(3);
  });

  it.each(['han', 'miao', 'longTerm', 'rareCharacter'] as const)('reads the %s sample holder as encoded', async (key) => {
    const { sim, reader } = await rigged();
    sim.placeCard(SAMPLE_CARDS[key]);
    const card = resident(await reader.readOnce(3000));
    expect(card).toMatchObject(SAMPLE_HOLDERS[key]);
    expect(card.idNumberCheck.valid).toBe(true);
  });

  it('reports a card whose number fails the GB 11643 check instead of hiding it', async () => {
    const { sim, reader } = await rigged();
    sim.placeCard(SAMPLE_CARDS.wrongCheckDigit);
    const card = resident(await reader.readOnce(3000));
    expect(card.name).toBe('王小丽');
    expect(card.idNumberCheck).toEqual({
      valid: false,
      code: 'INVALID_ID_NUMBER',
      reasons: [expect.stringContaining('校验码')],
    });
  });

  it('reads the same card again while it stays on the reader', async () => {
    const { sim, reader } = await rigged();
    sim.placeCard(SAMPLE_CARDS.han);
    await reader.readOnce(3000);
    expect(resident(await reader.readOnce(3000)).name).toBe('周晓岚');
  });

  it('declines a foreign permanent residence card clearly', async () => {
    const { sim, reader } = await rigged();
    sim.placeCard(FOREIGN_PERMANENT_RESIDENT_CARD);
    expect(await reader.readOnce(3000)).toMatchObject({
      cardType: 'foreign_permanent_resident',
      supported: false,
      message: expect.stringContaining('请人工录入'),
      photo: { decoded: false },
    });
  });

  it('fails with NO_CARD when no card is on the reader', async () => {
    const { reader } = await rigged();
    await expect(reader.readOnce(3000)).rejects.toMatchObject({
      code: 'NO_CARD',
      message: '未检测到身份证，请将身份证平放在阅读器感应区。',
    });
  });

  it('skips noise before every frame', async () => {
    const { sim, reader, transport } = await rigged();
    const skipped: number[] = [];
    transport.on('diagnostic', (event) => {
      if (event.type === 'skipped') skipped.push(event.count);
    });
    sim.noise(37);
    sim.placeCard(SAMPLE_CARDS.han);
    expect(resident(await reader.readOnce(3000)).name).toBe('周晓岚');
    expect(skipped.reduce((a, b) => a + b, 0)).toBe(3 * 37);
  });

  it('reassembles responses split into many 1–3 byte chunks', async () => {
    const { sim, reader, transport } = await rigged();
    // ~665 writes a millisecond apart; socat may merge a few under load, but not most of them.
    sim.chunking({ minBytes: 1, maxBytes: 3, delayMs: 1 });
    sim.placeCard(SAMPLE_CARDS.miao);
    expect(resident(await reader.readOnce(5000)).name).toBe('龙金花');
    expect(transport.stats.bytesReceived).toBe(15 + 19 + 1295);
    // Far more reads than the 3 frames: the frames really did arrive in pieces.
    expect(transport.stats.chunksReceived).toBeGreaterThan(50);
  });

  it('resends once after a corrupted checksum and succeeds', async () => {
    const { sim, reader, transport } = await rigged();
    const corrupt: unknown[] = [];
    transport.on('diagnostic', (event) => {
      if (event.type === 'checksum-error') corrupt.push(event);
    });
    sim.placeCard(SAMPLE_CARDS.han);
    sim.garble(1);
    expect(resident(await reader.readOnce(3000)).name).toBe('周晓岚');
    expect(corrupt).toHaveLength(1);
    expect(sim.stats.requests).toBe(4);
  });

  it('gives up with CHECKSUM_ERROR when the resent command is corrupted too', async () => {
    const { sim, reader } = await rigged();
    sim.placeCard(SAMPLE_CARDS.han);
    sim.garble(2);
    await expect(reader.readOnce(3000)).rejects.toMatchObject({
      code: 'CHECKSUM_ERROR',
      message: expect.stringContaining('请'),
    });
    expect(sim.stats.requests).toBe(2);
  });

  it('fails a read cut by unplugging at once, reconnects by itself, and reads again', async () => {
    const { sim, reader, transport } = await rigged();
    sim.placeCard(SAMPLE_CARDS.han);
    // Make the read response trickle so the cable can be pulled in the middle of the frame.
    sim.on('request', (request) => {
      if (request.cmd === READ) sim.chunking({ minBytes: 16, maxBytes: 16, delayMs: 4 });
    });
    const statuses: string[] = [];
    reader.on('status', (status) => statuses.push(status.state));
    // The rejection is captured at once: it happens while the test is still unplugging.
    const outcome = reader.readOnce(5000).then(
      () => null,
      (error: DeviceError) => error,
    );
    const received = transport.stats.bytesReceived;
    await waitFor(() => transport.stats.bytesReceived > received + 15 + 19 + 200, 3000, 'part of the read response');
    const unplugged = performance.now();
    await sim.unplug();
    const error = await outcome;
    expect(error?.code).toBe('DEVICE_DISCONNECTED');
    // Reported on the close event, not after the 3 s read timeout.
    expect(performance.now() - unplugged).toBeLessThan(1000);
    await waitFor(() => statuses.includes('reconnecting'), 3000, 'a reconnect attempt');

    sim.chunking(null);
    const connected = nextEvent<TransportStatus>(
      (fn) => reader.on('status', fn),
      5000,
      (status) => status.state === 'connected',
    );
    await sim.replug();
    await connected;
    sim.removeCard();
    sim.placeCard(SAMPLE_CARDS.longTerm);
    expect(resident(await reader.readOnce(3000)).name).toBe('刘德顺');
    expect(statuses).toEqual(expect.arrayContaining(['disconnected', 'reconnecting', 'connected']));
  });

  it('fails fast with DEVICE_NOT_CONNECTED while the reader is unplugged', async () => {
    const { sim, reader } = await rigged();
    const down = nextEvent<TransportStatus>(
      (fn) => reader.on('status', fn),
      3000,
      (status) => status.state === 'disconnected',
    );
    await sim.unplug();
    await down;
    const started = performance.now();
    await expect(reader.readOnce(3000)).rejects.toMatchObject({ code: 'DEVICE_NOT_CONNECTED' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('times out with DEVICE_TIMEOUT when the reader never answers, without hanging', async () => {
    const { sim, reader } = await rigged();
    sim.silent();
    const started = performance.now();
    await expect(reader.readOnce(400)).rejects.toMatchObject({
      code: 'DEVICE_TIMEOUT',
      message: expect.stringContaining('阅读器无响应'),
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1000);
  });

  it('serialises concurrent reads so their commands never interleave', async () => {
    const { sim, reader } = await rigged();
    sim.placeCard(SAMPLE_CARDS.han);
    const [a, b] = await Promise.all([reader.readOnce(3000), reader.readOnce(3000)]);
    expect(resident(a).name).toBe('周晓岚');
    expect(resident(b).name).toBe('周晓岚');
  });

  it('reports the SAM status and id', async () => {
    const { sim, reader } = await rigged();
    expect(await reader.samStatus()).toMatchObject({ code: 'OK', success: true });
    expect((await reader.samId()).formatted).toBe('05.01-20240315-001234567-987654321');
    sim.setSamStatus(0x60);
    expect(await reader.samStatus()).toMatchObject({ code: 'SAM_SELF_TEST_FAILED', success: false });
    await reader.resetSam();
  });

  it('hands the photo to a plugged-in WLT decoder', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3);
    const seen: Uint8Array[] = [];
    const { sim, reader } = await rigged({
      reader: { photoDecoder: { decode: async (wlt) => (seen.push(wlt), { png }) } },
    });
    sim.placeCard(SAMPLE_CARDS.han);
    expect((await reader.readOnce(3000)).photo).toMatchObject({ format: 'png', decoded: true, png });
    expect(seen[0]).toEqual(SAMPLE_CARDS.han.photo);
  });
});

describe('ID card reader polling', () => {
  it.each([
    ['cards that stop answering find once selected (ISO 14443-B)', false],
    ['readers whose active card keeps answering find', true],
  ])('emits card once per placement and again after remove and place, for %s', async (_, activeCardAnswersFind) => {
    const { sim, reader } = await rigged({ sim: { activeCardAnswersFind } });
    const events: string[] = [];
    const errors: string[] = [];
    reader.on('card', (card) => events.push(`card:${resident(card).name}`));
    reader.on('removed', () => events.push('removed'));
    reader.on('error', (error) => errors.push(error.code));
    reader.startPolling(30);

    sim.placeCard(SAMPLE_CARDS.han);
    await waitFor(() => events.length === 1, 3000, 'the first card event');
    // Several more polls while the card stays: no second event.
    const requests = sim.stats.requests;
    await waitFor(() => sim.stats.requests >= requests + 8, 3000, 'more polls');
    expect(events).toEqual(['card:周晓岚']);

    sim.removeCard();
    await waitFor(() => events.length === 2, 3000, 'removal');
    sim.placeCard(SAMPLE_CARDS.han);
    await waitFor(() => events.length === 3, 3000, 'the second placement');
    sim.removeCard();
    sim.placeCard(SAMPLE_CARDS.miao);
    await waitFor(() => events.includes('card:龙金花'), 3000, 'the swapped card');
    expect(events).toEqual(['card:周晓岚', 'removed', 'card:周晓岚', 'removed', 'card:龙金花']);
    // A card lifted between find and read is a failed select or read, which the clerk should see.
    expect(errors.every((code) => code === 'SELECT_FAILED' || code === 'READ_FAILED')).toBe(true);
    await reader.stop();
  });

  it('reports an unplugged reader once while polling, and carries on after it is plugged back', async () => {
    const { sim, reader } = await rigged({ transport: { backoff: { initialMs: 50, maxMs: 200 } } });
    const errors: string[] = [];
    const cards: string[] = [];
    reader.on('error', (error) => errors.push(error.code));
    reader.on('card', (card) => cards.push(resident(card).name));
    reader.startPolling(20);
    await sim.unplug();
    await waitFor(() => errors.length > 0, 3000, 'an error');
    const connected = nextEvent<TransportStatus>(
      (fn) => reader.on('status', fn),
      5000,
      (status) => status.state === 'connected',
    );
    await sim.replug();
    await connected;
    sim.placeCard(SAMPLE_CARDS.longTerm);
    await waitFor(() => cards.length === 1, 3000, 'a card after replugging');
    // Every poll while unplugged failed, yet the UI heard about it once.
    expect(errors.length).toBeLessThanOrEqual(2);
    expect(new Set(errors).size).toBe(errors.length);
    expect(cards).toEqual(['刘德顺']);
  });

  it('stops polling promptly', async () => {
    const { sim, reader } = await rigged();
    reader.startPolling(20);
    await waitFor(() => sim.stats.requests > 2, 3000, 'some polls');
    await reader.stop();
    const after = sim.stats.requests;
    const probe = await reader.samStatus();
    expect(probe.code).toBe('OK');
    expect(sim.stats.requests).toBe(after + 1);
  });
});
