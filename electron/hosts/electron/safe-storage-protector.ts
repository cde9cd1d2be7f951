import type { KeyProtector } from '../../core/crypto/data-keys';

/** The part of Electron's `safeStorage` the protector uses (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store Chromium chose ('basic_text' = a hard-coded key, no protection). */
  getSelectedStorageBackend?(): string;
}

export class KeystoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeystoreRefusedError';
  }
}

export interface SafeStorageProtectorOptions {
  platform: NodeJS.Platform;
  /** config.json `security.allowPlaintextKeystore`: an administrator accepted Linux's basic_text store. */
  allowPlaintextKeystore: boolean;
  log: (message: string) => void;
}

/** Backends that give no protection beyond the file itself. */
const PLAINTEXT_BACKENDS = new Set(['basic_text']);

/**
 * The data keys wrapped by the OS keystore through Electron's safeStorage (DPAPI on Windows,
 * Keychain on macOS, libsecret/kwallet on Linux). The key material travels as base64 text through
 * encryptString/decryptString. Refuses to start when no keystore is available, and on Linux when
 * Chromium fell back to 'basic_text' (a key compiled into Chromium: no protection) — unless an
 * administrator set `security.allowPlaintextKeystore`, in which case it starts with a warning.
 */
export function safeStorageProtector(safeStorage: SafeStorageLike, options: SafeStorageProtectorOptions): KeyProtector {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new KeystoreRefusedError('操作系统密钥库不可用，无法保护个人信息的数据密钥：请在已登录的桌面会话中启动本程序，或联系信息技术人员。');
  }
  if (options.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (PLAINTEXT_BACKENDS.has(backend)) {
      if (!options.allowPlaintextKeystore) {
        throw new KeystoreRefusedError(
          '本机没有可用的密钥库（gnome-keyring / KWallet），数据密钥将以明文保存，程序拒绝启动。请安装并解锁密钥库；' +
            '若管理员确认接受此风险，可在 config.json 中设置 security.allowPlaintextKeystore = true。',
        );
      }
      options.log('警告：本机密钥库为 basic_text（无实际保护），管理员已通过 security.allowPlaintextKeystore 接受此风险：数据密钥仅受文件权限保护。');
    }
  }
  return {
    kind: 'os-keystore',
    protect: (material) => safeStorage.encryptString(Buffer.from(material).toString('base64')),
    unprotect: (wrapped) => {
      const text = safeStorage.decryptString(Buffer.from(wrapped));
      const material = Buffer.from(text, 'base64');
      if (material.toString('base64') !== text) throw new Error('unwrapped key material is not base64');
      return material;
    },
  };
}
