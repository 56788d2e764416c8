import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryEndpoint } from './http/endpoints';
import type { ClockControl } from './infrastructure';
import { invalidRequest } from './validation';

export const CLOCK_CONTROL = Symbol('CLOCK_CONTROL');

/** The most one request may move the clock by, per unit: a hundred years each. */
export const MAX_CLOCK_ADVANCE = { days: 36_500, hours: 876_000, minutes: 52_560_000 } as const;

/**
 * The latest instant the test clock may reach. Every timestamp is stored and published as
 * an ISO 8601 string, which has four-digit years; past year 9999 `toISOString()` writes
 * `+010000-...`, which the contracts and stores refuse, so every write would fail.
 */
export const LATEST_CLOCK_INSTANT = '9999-12-31T23:59:59.999Z';

const MS_PER = { days: 86_400_000, hours: 3_600_000, minutes: 60_000 } as const;

export class AdvanceClockRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_CLOCK_ADVANCE.days })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CLOCK_ADVANCE.days)
  days?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_CLOCK_ADVANCE.hours })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CLOCK_ADVANCE.hours)
  hours?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_CLOCK_ADVANCE.minutes })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CLOCK_ADVANCE.minutes)
  minutes?: number;
}

export class ClockNowAnswer {
  @ApiProperty({ format: 'date-time' }) now!: string;
}

export class ClockAdvancedAnswer extends ClockNowAnswer {
  @ApiProperty({ type: 'integer', description: 'Scheduled jobs that ran because their time came' }) fired!: number;
}

/**
 * Mounted only with CLOCK=test: moves the process's clock and runs every scheduler at
 * once, so end-to-end tests see "45 days later" without waiting. Admin only.
 */
@Controller('test-clock')
export class TestClockController {
  constructor(@Inject(CLOCK_CONTROL) private readonly control: ClockControl) {}

  @Get()
  @QueryEndpoint({ roles: ['admin'], tag: 'operations', answer: ClockNowAnswer })
  now(): ClockNowAnswer {
    return { now: this.control.clock.now().toISOString() };
  }

  @Post('advance')
  @HttpCode(200)
  // Not a command endpoint (no Idempotency-Key, nothing stored), so a query's problems: its body problems are listed here.
  @QueryEndpoint({
    roles: ['admin'], tag: 'operations', answer: ClockAdvancedAnswer,
    problems: {
      400: `A field is not an integer within its bounds, or the move would take the clock past ${LATEST_CLOCK_INSTANT} (the field that would is named).`,
      413: 'The body is larger than the limit (1 MB).',
      415: 'The body is not application/json.',
    },
  })
  async advance(@Body() body: AdvanceClockRequest): Promise<ClockAdvancedAnswer> {
    refuseMovesPastTheLatestInstant(this.control.clock.now(), body);
    this.control.testClock?.advance(body);
    let fired = 0;
    for (const scheduler of this.control.schedulers) fired += await scheduler.tick();
    return { now: this.control.clock.now().toISOString(), fired };
  }
}

/**
 * Each field is bounded alone, but the clock may stand anywhere, so their sum is checked
 * against the latest instant as well. The field named is the one, in the order days,
 * hours, minutes, whose part of the move first passes it; nothing moves then.
 */
function refuseMovesPastTheLatestInstant(now: Date, by: AdvanceClockRequest): void {
  const latest = Date.parse(LATEST_CLOCK_INSTANT);
  let target = now.getTime();
  for (const field of ['days', 'hours', 'minutes'] as const) {
    target += (by[field] ?? 0) * MS_PER[field];
    if (target > latest) {
      throw invalidRequest([{ field, reason: `the clock stands at ${now.toISOString()}: moving it by this much would pass ${LATEST_CLOCK_INSTANT}` }]);
    }
  }
}
