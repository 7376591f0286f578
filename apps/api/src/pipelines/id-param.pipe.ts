import { Injectable, type PipeTransform } from '@nestjs/common';
import { validationFailed } from '#application';

// Pipeline ids are 'default', 'support' or uuids; they end up in stream names and URLs.
export const PIPELINE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const PIPELINE_ID_RULE = '1-64 letters, digits, - or _';

// The pipeline decider's stage-id alphabet, checked at the edge so a malformed id is a 400, not a 422.
export const STAGE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
export const STAGE_ID_RULE = '1-100 letters, digits, - or _, starting with a letter or digit';

/** A route parameter that must match a pattern: 400 VALIDATION_FAILED naming the parameter otherwise. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(
    private readonly field: string,
    private readonly pattern: RegExp,
    private readonly rule: string,
  ) {}

  transform(value: string): string {
    if (this.pattern.test(value)) return value;
    const reason = `${this.field} must be ${this.rule}`;
    throw validationFailed([{ field: this.field, reason }], reason);
  }
}

export const pipelineIdParam = (): ParseIdPipe => new ParseIdPipe('id', PIPELINE_ID, PIPELINE_ID_RULE);
export const stageIdParam = (): ParseIdPipe => new ParseIdPipe('stageId', STAGE_ID, STAGE_ID_RULE);
