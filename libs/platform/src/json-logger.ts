import { LoggerService } from '@nestjs/common';

/** One JSON object per line, so logs can be shipped and searched by correlation id. */
export class JsonLogger implements LoggerService {
  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    if (process.env.LOG_LEVEL === 'debug') this.write('debug', message, context);
  }
  verbose(): void {}

  private write(level: string, message: unknown, context?: string, trace?: string): void {
    const entry = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, context, ...entry, trace }) + '\n');
  }
}
