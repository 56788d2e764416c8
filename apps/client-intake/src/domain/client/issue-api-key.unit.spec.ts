import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import { clientDecider } from './client.decider';
import { hashOf, issued, onboarded } from './client.fixtures';
import { acceptsKey } from './client.state';

describe('issuing an API key', () => {
  const issue = (keyId: string) => ({ type: 'IssueApiKey' as const, clientId: 'client-1', keyId, keyHash: hashOf(keyId) });

  it('records only the hash of the new key', () => given(clientDecider, [onboarded]).when(issue('key-1')).then([issued('key-1')]));

  it('lets a client hold a second key beside the first, both accepted', () => {
    given(clientDecider, [onboarded, issued('key-1')]).when(issue('key-2')).then([issued('key-2')]);
    const state = fold(clientDecider, [onboarded, issued('key-1'), issued('key-2')]);
    expect([acceptsKey(state, hashOf('key-1')), acceptsKey(state, hashOf('key-2')), acceptsKey(state, hashOf('key-3'))]).toEqual([true, true, false]);
  });

  it('refuses a key for a client that is not onboarded (rule client-unknown)', () => given(clientDecider).when(issue('key-1')).thenRejects('client-unknown'));
});
