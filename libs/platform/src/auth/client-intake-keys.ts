import { ServiceUnavailableException } from '@nestjs/common';
import type { ClientKeyVerifier } from './auth.guard';

/**
 * Client API keys are issued and kept (hashed) by client-intake; a process of another
 * service (reporting, debtor contact, payments) without client-intake beside it asks
 * client-intake whether a key is good.
 *
 * It asks `GET /clients/me` with the key: 401 for a bad key, the client id for a good one.
 *
 * When client-intake cannot answer, the request fails with 503, not 401: the key may
 * well be good.
 */
export class ClientIntakeKeys implements ClientKeyVerifier {
  private readonly root: string;

  constructor(
    baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {
    this.root = baseUrl.replace(/\/+$/, '');
  }

  async clientOf(apiKey: string): Promise<string | null> {
    const match = /^ck_([0-9a-f-]{36})_[A-Za-z0-9_-]+$/.exec(apiKey);
    if (!match) return null;
    let response: Response;
    try {
      response = await fetch(`${this.root}/clients/me`, {
        headers: { 'x-api-key': apiKey, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new ServiceUnavailableException('client-intake, which checks client API keys, cannot be reached');
    }
    if (response.status === 401) return null;
    if (response.status === 200) {
      const { clientId } = (await response.json()) as { clientId?: string };
      return clientId === match[1] ? clientId : null;
    }
    throw new ServiceUnavailableException(`client-intake, which checks client API keys, answered ${response.status}`);
  }
}
