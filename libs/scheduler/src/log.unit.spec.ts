import { errorFields, jsonLineLog, withLogContext } from './log';

describe('the default log', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes each entry as one JSON line on stderr, with the time it was written', () => {
    const lines: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((line: string | Uint8Array) => lines.push(String(line)) > 0);

    jsonLineLog({ level: 'error', source: 'relay', ...errorFields(new Error('broker down')) });

    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'error', source: 'relay', error: 'broker down' });
    expect(entry.stack).toContain('broker down');
    expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
  });

  it('adds the log context in force to each line, also after an await inside the work', async () => {
    const lines: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((line: string | Uint8Array) => lines.push(String(line)) > 0);
    const principal = { role: 'system', id: 'integration' };

    await withLogContext({ correlationId: 'corr-7', principal }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      jsonLineLog({ level: 'warn', source: 'consumer', msg: 'inside' });
    });
    jsonLineLog({ level: 'warn', source: 'consumer', msg: 'outside' });

    expect(JSON.parse(lines[0])).toMatchObject({ correlationId: 'corr-7', principal, msg: 'inside' });
    expect(JSON.parse(lines[1]).correlationId).toBeUndefined();
  });

  it('logs what is thrown even when it is not an Error', () => {
    expect(errorFields('plain text')).toEqual({ error: 'plain text' });
  });
});
