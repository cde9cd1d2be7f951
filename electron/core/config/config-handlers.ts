import { configSchema, type WorkstationConfig } from '../../contract';
import type { Handler } from '../handler';
import { audit, type CallContext } from '../services';
import { writeConfig } from './config-file';
import { rememberConfigFile } from './config-file-tracking';
import { configWithoutSecrets, secretsSet } from './config-secrets';

function configView(ctx: CallContext) {
  const { services } = ctx;
  const config = services.config.value;
  const secrets = secretsSet(config, ctx.session?.role);
  return {
    path: services.paths.config,
    dataDir: services.dataDir,
    fileExists: services.config.exists,
    effective: configWithoutSecrets(config),
    ...(secrets ? { secrets } : {}),
  };
}

const get: Handler<'config.get'> = (ctx) => configView(ctx);

const update: Handler<'config.update'> = (ctx, patch) => {
  const before = ctx.services.config.value;
  const next: WorkstationConfig = configSchema.parse({
    ...before,
    ...(patch.officeName !== undefined ? { officeName: patch.officeName } : {}),
    ...(patch.training !== undefined ? { training: patch.training } : {}),
    security: { ...before.security, ...(patch.security ?? {}) },
    documents: { ...before.documents, ...(patch.documents ?? {}) },
  });
  const changes = diff(configWithoutSecrets(before), configWithoutSecrets(next));
  if (changes.length === 0) return configView(ctx);
  const written = writeConfig(ctx.services.dataDir, next);
  ctx.services.config = { value: next, exists: true };
  const db = ctx.services.db();
  db.transaction(() => {
    rememberConfigFile(db, written);
    audit(ctx, { action: 'config.update', object: 'config', result: 'success', detail: { changes } });
  })();
  ctx.services.events.broadcast('status.changed', {});
  return configView(ctx);
};

/** Field-level changes as `[path, before, after]`, for the audit record. */
export function diff(a: unknown, b: unknown, path = ''): Array<[string, unknown, unknown]> {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return Object.is(a, b) ? [] : [[path, a, b]];
}

export const configHandlers = { 'config.get': get, 'config.update': update };
