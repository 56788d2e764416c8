import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { Roles } from './auth/roles';
import type { ClockControl } from './infrastructure';

export const CLOCK_CONTROL = Symbol('CLOCK_CONTROL');

export class AdvanceClockRequest {
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(0) days?: number;
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(0) hours?: number;
  @ApiProperty({ required: false }) @IsOptional() @IsInt() @Min(0) minutes?: number;
}

/**
 * Mounted only with CLOCK=test: moves the process's clock and runs every scheduler at
 * once, so end-to-end tests see "45 days later" without waiting. Admin only.
 */
@ApiTags('operations')
@Controller('test-clock')
export class TestClockController {
  constructor(@Inject(CLOCK_CONTROL) private readonly control: ClockControl) {}

  @Get()
  @Roles('admin')
  now(): { now: string } {
    return { now: this.control.clock.now().toISOString() };
  }

  @Post('advance')
  @Roles('admin')
  async advance(@Body() body: AdvanceClockRequest): Promise<{ now: string; fired: number }> {
    this.control.testClock?.advance(body);
    let fired = 0;
    for (const scheduler of this.control.schedulers) fired += await scheduler.tick();
    return { now: this.control.clock.now().toISOString(), fired };
  }
}
