import { createHmac } from 'node:crypto';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken, verifyStaffToken } from './staff-token';

const SECRET = 'a-deployment-secret';
const NOW = new Date('2026-11-23T09:00:00.000Z');
const inMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const collector = { role: 'collector' as const, id: 'c-7' };

describe('staff tokens', () => {
  it('carry the role and id of a token signed with the secret, until they expire', () => {
    const token = signStaffToken(SECRET, collector, inMinutes(60));
    expect(verifyStaffToken(SECRET, token, NOW)).toEqual(collector);
    expect(verifyStaffToken(SECRET, token, inMinutes(59))).toEqual(collector);
  });

  it('are refused from their expiry on', () => {
    const token = signStaffToken(SECRET, collector, inMinutes(60));
    expect(verifyStaffToken(SECRET, token, inMinutes(60))).toBeNull();
    expect(verifyStaffToken(SECRET, token, inMinutes(24 * 60))).toBeNull();
  });

  it('are refused without an expiry under a deployment secret, so a stolen token cannot work forever', () => {
    expect(verifyStaffToken(SECRET, signStaffToken(SECRET, collector), NOW)).toBeNull();
  });

  it('may omit the expiry under the public demo secret, where anyone can sign and an expiry would protect nothing', () => {
    expect(verifyStaffToken(DEV_STAFF_TOKEN_SECRET, signStaffToken(DEV_STAFF_TOKEN_SECRET, collector), NOW)).toEqual(collector);
    const expired = signStaffToken(DEV_STAFF_TOKEN_SECRET, collector, inMinutes(-1));
    expect(verifyStaffToken(DEV_STAFF_TOKEN_SECRET, expired, NOW)).toBeNull();
  });

  it('are refused when signed with another secret, or when their claims were changed after signing', () => {
    expect(verifyStaffToken(SECRET, signStaffToken('another-secret', collector, inMinutes(60)), NOW)).toBeNull();
    const [, signature] = signStaffToken(SECRET, collector, inMinutes(60)).split('.');
    const lengthened = Buffer.from(JSON.stringify({ ...collector, exp: Math.floor(inMinutes(10 * 24 * 60).getTime() / 1000) })).toString('base64url');
    expect(verifyStaffToken(SECRET, `${lengthened}.${signature}`, inMinutes(120))).toBeNull();
    const promoted = Buffer.from(JSON.stringify({ role: 'admin', id: 'c-7', exp: Math.floor(inMinutes(60).getTime() / 1000) })).toString('base64url');
    expect(verifyStaffToken(SECRET, `${promoted}.${signature}`, NOW)).toBeNull();
  });

  it('are refused when their expiry is not a number of seconds', () => {
    const payload = Buffer.from(JSON.stringify({ ...collector, exp: '2099-01-01' })).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(payload).digest('base64url');
    expect(verifyStaffToken(SECRET, `${payload}.${signature}`, NOW)).toBeNull();
  });
});
