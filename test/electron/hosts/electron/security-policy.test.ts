import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/hosts/content-security-policy';
import {
  hardenWebContents,
  installSessionPolicy,
  withContentSecurityPolicy,
} from '../../../../electron/hosts/electron/security-policy';
import { fakeEvent, FakeSession, FakeWebContents } from './fakes';

const NAVIGATION_EVENTS = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const;

function hardened(): FakeWebContents {
  const contents = new FakeWebContents(1);
  hardenWebContents(contents.asElectron());
  return contents;
}

describe('hardenWebContents', () => {
  it.each(NAVIGATION_EVENTS)('%s: cancels a move to another origin', (event) => {
    const contents = hardened();
    for (const url of [
      'https://example.com/',
      'http://10.1.1.1/platform',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://bdc.evil.com/index.html',
      'app://bdc@evil/index.html',
      'app://bdc:8080/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'not a url',
    ]) {
      expect(contents.navigate(event, url).defaultPrevented, url).toBe(true);
    }
  });

  it.each(NAVIGATION_EVENTS)('%s: lets the page move within app://bdc', (event) => {
    const contents = hardened();
    for (const url of ['app://bdc/index.html', 'app://bdc/index.html#/cases/1', 'app://bdc/']) {
      expect(contents.navigate(event, url).defaultPrevented, url).toBe(false);
    }
  });

  it('refuses every <webview>, even one pointing at the app origin', () => {
    const contents = hardened();
    for (const src of ['https://example.com/', 'app://bdc/index.html']) {
      const event = fakeEvent();
      contents.emit('will-attach-webview', event, {}, { src });
      expect(event.defaultPrevented, src).toBe(true);
    }
  });

  it('opens no new window: not the app, not an outside http(s) link', () => {
    const contents = hardened();
    for (const url of ['app://bdc/index.html', 'https://www.gov.cn/', 'http://example.com/', 'mailto:a@b.cn']) {
      expect(contents.windowOpenHandler?.({ url } as never), url).toEqual({ action: 'deny' });
    }
  });

  it('installs its listeners once however often it is called', () => {
    const contents = new FakeWebContents(2);
    hardenWebContents(contents.asElectron());
    hardenWebContents(contents.asElectron());
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

function policy(allowCamera: () => boolean): FakeSession {
  const session = new FakeSession();
  installSessionPolicy(session.asElectron(), { allowCamera });
  return session;
}

describe('installSessionPolicy: permission requests', () => {
  it.each(['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'midi', 'unknown'])(
    'denies %s',
    async (permission) => {
      await expect(policy(() => true).request(permission, {})).resolves.toBe(false);
    },
  );

  it('denies the camera when the configuration does not allow it', async () => {
    await expect(policy(() => false).request('media', { mediaTypes: ['video'] })).resolves.toBe(false);
  });

  it('allows the camera for the app page when the configuration allows it', async () => {
    await expect(policy(() => true).request('media', { mediaTypes: ['video'] })).resolves.toBe(true);
  });

  it('denies the microphone even when the camera is allowed', async () => {
    const session = policy(() => true);
    await expect(session.request('media', { mediaTypes: ['audio'] })).resolves.toBe(false);
    await expect(session.request('media', { mediaTypes: ['video', 'audio'] })).resolves.toBe(false);
    await expect(session.request('media', { mediaTypes: [] })).resolves.toBe(false);
  });

  it('denies the camera to a subframe or another origin', async () => {
    const session = policy(() => true);
    await expect(session.request('media', { mediaTypes: ['video'], isMainFrame: false })).resolves.toBe(false);
    await expect(session.request('media', { mediaTypes: ['video'], requestingUrl: 'https://example.com/' })).resolves.toBe(false);
  });

  it('reads the camera setting at each request, so a config change applies at once', async () => {
    let allowed = false;
    const session = policy(() => allowed);
    await expect(session.request('media', { mediaTypes: ['video'] })).resolves.toBe(false);
    allowed = true;
    await expect(session.request('media', { mediaTypes: ['video'] })).resolves.toBe(true);
  });
});

describe('installSessionPolicy: permission checks and devices', () => {
  it('answers every check no, except a camera check from the app origin when allowed', () => {
    const closed = policy(() => false);
    const open = policy(() => true);
    expect(closed.check('media', 'app://bdc', { mediaType: 'video' })).toBe(false);
    expect(open.check('media', 'app://bdc', { mediaType: 'video' })).toBe(true);
    expect(open.check('media', 'app://bdc', { mediaType: 'audio' })).toBe(false);
    expect(open.check('media', 'https://example.com', { mediaType: 'video' })).toBe(false);
    for (const permission of ['notifications', 'geolocation', 'serial', 'hid', 'usb', 'clipboard-read']) {
      expect(open.check(permission, 'app://bdc', {}), permission).toBe(false);
    }
  });

  it('refuses WebHID / Web Serial / WebUSB device access from the page', () => {
    expect(policy(() => true).devicePermissionHandler?.({ deviceType: 'serial', origin: 'app://bdc' })).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('is set on every response, replacing a weaker one whatever the header case', () => {
    const session = policy(() => false);
    let headers: Record<string, string | string[]> | undefined;
    session.headersListener?.(
      { responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } } as never,
      (response) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('adds the header when a response had none', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
