import { createHmac } from 'node:crypto';
import { signatureHeader, signatureOf } from './webhook-signature';

describe('Standard Webhooks signatures', () => {
  it('matches the published example of the Standard Webhooks reference libraries', () => {
    const signature = signatureOf('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs with the key bytes under the whsec_ prefix, over id.timestamp.body', () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const secret = `whsec_${key.toString('base64')}`;
    const expected = createHmac('sha256', key).update('id-1.1700000000.{"a":1}').digest('base64');
    expect(signatureOf(secret, 'id-1', 1700000000, '{"a":1}')).toBe(`v1,${expected}`);
  });

  it('carries one signature per secret still signing, space separated, so either secret verifies during a rotation', () => {
    const header = signatureHeader(['whsec_bmV3bmV3bmV3bmV3', 'whsec_b2xkb2xkb2xkb2xk'], 'id-2', 1700000000, '{}');
    expect(header.split(' ')).toEqual([signatureOf('whsec_bmV3bmV3bmV3bmV3', 'id-2', 1700000000, '{}'), signatureOf('whsec_b2xkb2xkb2xkb2xk', 'id-2', 1700000000, '{}')]);
  });

  it('refuses a secret without the whsec_ prefix rather than signing with the wrong key', () => {
    expect(() => signatureOf('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'id', 1, '{}')).toThrow(/whsec_/);
  });
});
