import { describe, expect, it } from 'vitest';
import { FrameDecoder, encodeRequest, parseResponseBody, type SamRequest } from '../../../native/idcard/frame-codec';
import { SAM_COMMANDS } from '../../../native/idcard/sam-commands';
import { formatSamId } from '../../../native/idcard/sam-id';
import { SamResponder } from '../../../native/sim/sam-responder';
import { SAMPLE_CARDS } from '../../../native/sim/sample-cards';

function ask(responder: SamResponder, request: SamRequest) {
  const [event] = new FrameDecoder().push(responder.respond(request));
  if (event?.type !== 'frame') throw new Error('responder sent no valid frame');
  return parseResponseBody(event.body);
}

describe('simulated SAM module', () => {
  it('answers find with 80 when no card is placed', () => {
    expect(ask(new SamResponder(), SAM_COMMANDS.findCard).sw3).toBe(0x80);
  });

  it('finds, selects and reads a placed card, then, like a real card, stops answering find until lifted', () => {
    const responder = new SamResponder();
    responder.placeCard(SAMPLE_CARDS.han);
    expect(ask(responder, SAM_COMMANDS.findCard).sw3).toBe(0x9f);
    expect(ask(responder, SAM_COMMANDS.selectCard).sw3).toBe(0x90);
    expect(ask(responder, SAM_COMMANDS.readTextAndPhoto).data).toHaveLength(4 + 256 + 1024);
    expect(ask(responder, SAM_COMMANDS.findCard).sw3).toBe(0x80);
    expect(ask(responder, SAM_COMMANDS.readTextAndPhoto).sw3).toBe(0x90);
    responder.removeCard();
    responder.placeCard(SAMPLE_CARDS.han);
    expect(ask(responder, SAM_COMMANDS.findCard).sw3).toBe(0x9f);
  });

  it('can model readers whose active card keeps answering find', () => {
    const responder = new SamResponder({ activeCardAnswersFind: true });
    responder.placeCard(SAMPLE_CARDS.han);
    ask(responder, SAM_COMMANDS.findCard);
    ask(responder, SAM_COMMANDS.selectCard);
    expect(ask(responder, SAM_COMMANDS.findCard).sw3).toBe(0x9f);
  });

  it('reports its SAM id and status, and rejects unknown commands', () => {
    const responder = new SamResponder();
    expect(formatSamId(ask(responder, SAM_COMMANDS.samId).data)?.formatted).toBe('05.01-20240315-001234567-987654321');
    expect(ask(responder, SAM_COMMANDS.samStatus).sw3).toBe(0x90);
    responder.samStatusSw3 = 0x60;
    expect(ask(responder, SAM_COMMANDS.samStatus).sw3).toBe(0x60);
    expect(ask(responder, { cmd: 0x77, para: 0x01 }).sw3).toBe(0x21);
  });

  it('answers a request with a corrupted checksum with status 10', () => {
    const request = encodeRequest(SAM_COMMANDS.findCard);
    request[request.length - 1] ^= 1;
    const [event] = new FrameDecoder({ minLength: 3 }).push(request);
    expect(event.type).toBe('checksum-error');
    const [answer] = new FrameDecoder().push(new SamResponder().respondToBadFrame('checksum'));
    expect(answer.type === 'frame' && parseResponseBody(answer.body).sw3).toBe(0x10);
  });
});
