import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { IsCalendarDate, isCalendarDate, IsPositiveMinorUnits, parseRequest, validPartsOf } from './validation';

class LineDto {
  @IsString() label!: string;
  @IsCalendarDate() on!: string;
  @IsPositiveMinorUnits() amount!: number;
}

class OrderDto {
  @IsString() reference!: string;
  @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
}

describe('request validation', () => {
  it('takes as a calendar date only a real day written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2026-12-31', '2026-01-01'].filter(isCalendarDate)).toHaveLength(3);
    const refused = ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '20260101', '2026-01-01T00:00:00Z', '2026-1-1', ' 2026-01-01', 20260101, null];
    expect(refused.filter(isCalendarDate)).toEqual([]);
  });

  it('lists every problem of a body without throwing, naming nested fields by path', () => {
    const { problems } = parseRequest(OrderDto, { reference: 7, lines: [{ label: 'a', on: '2026-02-30', amount: 1e20 }, { label: 'b', on: '2026-01-01', amount: 10.5 }], extra: true });
    expect(problems).toEqual([
      { field: 'extra', reason: 'property extra should not exist' },
      { field: 'reference', reason: 'reference must be a string' },
      { field: 'lines.0.on', reason: 'on must be a calendar date written YYYY-MM-DD' },
      { field: 'lines.0.amount', reason: 'amount must not be greater than 9007199254740991' },
      { field: 'lines.1.amount', reason: 'amount must be an integer number' },
    ]);
  });

  it('names every required field when the body is not a JSON object', () => {
    const fields = parseRequest(OrderDto, [1, 2]).problems.map((p) => p.field);
    expect(fields).toEqual(['reference']);
  });

  it('leaves the refused fields out of what rules across fields see, keeping each item at its index', () => {
    const { value, problems } = parseRequest(OrderDto, { reference: 'R', lines: [{ label: 'a', on: 'soon', amount: 5 }, 'not a line', { label: 'c', on: '2026-01-02', amount: 0 }] });
    expect(validPartsOf(value, problems)).toEqual({ reference: 'R', lines: [{ label: 'a', amount: 5 }, undefined, { label: 'c', on: '2026-01-02' }] });
  });
});
