/**
 * Smoke tests must fail, not skip, when the server they check is not configured:
 * a missing variable is an error that says how to fix it.
 */
export function requireEnv(name: 'KAFKA_BROKERS' | 'MONGO_URL' | 'DATABASE_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run \`npm run infra:up\` (writes .infra/env) or export ${name}`);
  }
  return value;
}

/** A name no other run uses: smoke tests never share topics, databases or schemas. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Rejects with `message` if `promise` has not settled after `ms`. */
export async function within<T>(ms: number, message: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${ms} ms)`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
