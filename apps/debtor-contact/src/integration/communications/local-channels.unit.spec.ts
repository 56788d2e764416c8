import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedMessage } from '../../domain/communications/communications.port';
import { smtpMessageIdOf } from '../../domain/communications/message-id';
import { LOCAL_MESSAGES_KEPT, localChannels } from './local-channels';

const message = (channel: RenderedMessage['channel'], recipient: string): RenderedMessage => ({
  messageId: '6f1d2c3b-0000-5000-8000-000000000001',
  channel,
  recipient,
  subject: 'Validation notice about account 5B1C0F3E',
  text: 'Total amount of the debt now: USD 7000.50',
  contentSha256: 'ab'.repeat(32),
  sentAt: new Date('2026-01-05T15:00:00.000Z'),
});

describe('the local channels of the all-in-one demo', () => {
  let folder: string;
  beforeEach(async () => (folder = await mkdtemp(join(tmpdir(), 'outbox-'))));
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('writes an email as <messageId>.eml with the derived Message-ID, and a repeat overwrites the same file', async () => {
    const channels = localChannels(folder);
    await channels.email.send(message('email', 'pat.doe@example.com'));
    await channels.email.send(message('email', 'pat.doe@example.com'));
    // Long header lines are folded onto the next line: unfolded before reading them.
    const eml = (await readFile(join(folder, 'email', '6f1d2c3b-0000-5000-8000-000000000001.eml'), 'utf8')).replace(/\r?\n[ \t]+/g, ' ');
    expect(eml).toContain(`Message-ID: ${smtpMessageIdOf('6f1d2c3b-0000-5000-8000-000000000001')}`);
    expect(eml).toContain('To: pat.doe@example.com');
    expect(eml).toContain('Date: Mon, 05 Jan 2026 15:00:00 +0000');
    expect(eml).toContain('Total amount of the debt now: USD 7000.50');
  });

  it('records a text and appends it to texts.ndjson', async () => {
    const channels = localChannels(folder);
    const { providerMessageId } = await channels.text.send(message('text', '+12125550123'));
    const lines = (await readFile(join(folder, 'text', 'texts.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ messageId: '6f1d2c3b-0000-5000-8000-000000000001', recipient: '+12125550123', providerMessageId })]);
    expect(channels.text.sent).toHaveLength(1);
  });

  it('keeps only the newest messages of each channel in memory, however many were sent', async () => {
    const channels = localChannels();
    const sends = LOCAL_MESSAGES_KEPT + 50;
    for (let n = 0; n < sends; n++) {
      const id = `6f1d2c3b-0000-5000-8000-${String(n).padStart(12, '0')}`;
      await channels.letter.send({ ...message('letter', 'Pat Doe, 1 Main St'), messageId: id });
      await channels.text.send({ ...message('text', '+12125550123'), messageId: id });
      await channels.email.send({ ...message('email', 'pat.doe@example.com'), messageId: id });
    }
    for (const sender of [channels.letter, channels.text, channels.email]) {
      expect(sender.sent).toHaveLength(LOCAL_MESSAGES_KEPT);
      expect(sender.sent[0].messageId).toBe(`6f1d2c3b-0000-5000-8000-${String(sends - LOCAL_MESSAGES_KEPT).padStart(12, '0')}`);
      expect(sender.sent[LOCAL_MESSAGES_KEPT - 1].messageId).toBe(`6f1d2c3b-0000-5000-8000-${String(sends - 1).padStart(12, '0')}`);
    }
  });
});
