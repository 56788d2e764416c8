import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from './auth/roles';
import { ReadinessOptions, readinessChecks } from './observability/health';
import { ServiceRuntimes } from './observability/observability.module';

export const SERVICE_NAMES = Symbol('SERVICE_NAMES');
export const READINESS_OPTIONS = Symbol('READINESS_OPTIONS');

/**
 * Liveness and readiness (see docs/operations.md). Anyone may call them: they reveal
 * which dependency is down, never account data. The answer is written here rather than
 * thrown, so a 503 keeps terminus's body whatever exception filter the app runs.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly runtimes: ServiceRuntimes,
    @Optional() @Inject(SERVICE_NAMES) private readonly services: string[] = [],
    @Optional() @Inject(READINESS_OPTIONS) private readonly options: ReadinessOptions = {},
  ) {}

  /** The liveness answer plus the services mounted here; kept for the scripts and probes that poll `/health`. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'Same as /health/live, with the names of the services this process runs.' })
  async alias(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult & { services: string[] }> {
    return { ...(await this.live(response)), services: this.services };
  }

  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The process is up and its modules are started.' })
  live(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, [async () => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]);
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ description: 'Every dependency answers: event stores, bus, read-model stores, and no relay is stuck.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; `error` names which and why.' })
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, readinessChecks(this.runtimes.list(), this.indicators, this.options));
  }

  private async answer(response: Response, checks: Parameters<HealthCheckService['check']>[0]): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      const body = (error as { getResponse?: () => unknown }).getResponse?.();
      if (!body) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return body as HealthCheckResult;
    }
  }
}
