import type { Role, WorkstationConfig } from '../../contract';

/**
 * Secrets in config.json (today: the platform PFX passphrase) never leave core. The settings
 * view gets the configuration with every secret blanked, and an administrator (only) learns
 * whether each secret is set.
 */
export function configWithoutSecrets(config: WorkstationConfig): WorkstationConfig {
  return { ...config, platform: { ...config.platform, pfxPassphrase: null } };
}

export function secretsSet(config: WorkstationConfig, role: Role | undefined): { platformPfxPassphrase: boolean } | undefined {
  if (role !== 'admin') return undefined;
  return { platformPfxPassphrase: config.platform.pfxPassphrase !== null && config.platform.pfxPassphrase !== '' };
}
