import { Controller, DynamicModule, Get, Global, Header, Injectable, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TerminusModule } from '@nestjs/terminus';
import type { NextFunction, Request, Response } from 'express';
import type { ServiceRuntime } from '@lib/integration';
import { withLogContext } from '@lib/scheduler';
import { Public } from '../auth/roles';
import { RuntimeLifecycle } from '../service-dependencies';
import { correlationIdOf, loggingModule, LoggingOptions, requestLogContext } from './logging';
import { ProcessMetrics } from './metrics';

/** The service runtimes (relay, consumer, scheduler) of the services this app mounts, found among its providers. */
@Injectable()
export class ServiceRuntimes {
  private found: ServiceRuntime[] | undefined;

  constructor(private readonly discovery: DiscoveryService) {}

  list(): ServiceRuntime[] {
    this.found ??= this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is RuntimeLifecycle => instance instanceof RuntimeLifecycle)
      .map((lifecycle) => lifecycle.runtime);
    return this.found;
  }
}

/** `GET /metrics`: Prometheus's text format. Public, like /health: it carries counts, never account data. */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ProcessMetrics) {}

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Metrics in Prometheus text format (see docs/operations.md).' })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}

/**
 * Logs, metrics and the parts /health needs, for every app (`createHttpApp` mounts it).
 * Every request runs in a log context carrying its correlation id, method, route and
 * (once authenticated) principal, and is timed and counted by {@link ProcessMetrics}.
 */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  constructor(private readonly metrics: ProcessMetrics) {}

  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [loggingModule(options), TerminusModule.forRoot({ logger: false }), DiscoveryModule],
      controllers: [MetricsController],
      providers: [
        ServiceRuntimes,
        {
          provide: ProcessMetrics,
          inject: [ServiceRuntimes],
          useFactory: (runtimes: ServiceRuntimes) => {
            const metrics = new ProcessMetrics();
            metrics.readFrom(() => runtimes.list());
            return metrics;
          },
        },
      ],
      exports: [ServiceRuntimes, ProcessMetrics, TerminusModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    const inLogContext = (request: Request, response: Response, next: NextFunction) => withLogContext(requestLogContext(request, correlationIdOf(request, response)), next);
    consumer.apply(inLogContext, this.metrics.middleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
