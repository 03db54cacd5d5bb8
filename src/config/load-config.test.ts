import { describe, expect, it } from 'vitest';
import { isHalfskyError } from '../domain/errors.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('defaults to SQLite under ./data, port 3000, 20 MB uploads and Chinese', () => {
    expect(loadConfig({}, '/srv/halfsky')).toEqual({
      database: { kind: 'sqlite', file: '/srv/halfsky/data/halfsky.sqlite' },
      dataDir: '/srv/halfsky/data',
      port: 3000,
      maxUploadMb: 20,
      maxUploadBytes: 20 * 1024 * 1024,
      lang: 'zh',
      secureCookies: 'auto',
      trustProxy: false,
      sessionHours: 12,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        DATABASE_URL: 'postgres://u:p@db:5432/halfsky',
        HALFSKY_DATA_DIR: '/var/lib/halfsky',
        PORT: '8080',
        HALFSKY_MAX_UPLOAD_MB: '5',
        HALFSKY_LANG: 'en',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      database: { kind: 'postgres', url: 'postgres://u:p@db:5432/halfsky' },
      dataDir: '/var/lib/halfsky',
      port: 8080,
      maxUploadBytes: 5 * 1024 * 1024,
      lang: 'en',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ' }, '/x').database.kind).toBe('sqlite');
  });

  it('is frozen', () => {
    const config = loadConfig({}, '/x');
    expect(Object.isFrozen(config) && Object.isFrozen(config.database)).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['HALFSKY_MAX_UPLOAD_MB', '0'],
    ['HALFSKY_MAX_UPLOAD_MB', '2.5'],
    ['HALFSKY_LANG', 'fr'],
    ['DATABASE_URL', 'mysql://x'],
  ])('rejects %s=%s, naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(isHalfskyError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toContain(variable);
    expect((error as { messageIn(l: 'en'): string }).messageIn('en')).toContain(variable);
  });
});
