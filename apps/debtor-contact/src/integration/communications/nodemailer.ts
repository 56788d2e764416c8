import { createRequire } from 'node:module';
import type * as Nodemailer from 'nodemailer';

const requireHere = createRequire(__filename);
let loaded: typeof Nodemailer | undefined;

/**
 * nodemailer, loaded by the first sender that needs a transport rather than with the
 * module graph: the all-in-one at rest does not carry it (docs/benchmarks.md, the
 * all-in-one's idle memory).
 */
export function nodemailer(): typeof Nodemailer {
  return (loaded ??= requireHere('nodemailer') as typeof Nodemailer);
}
