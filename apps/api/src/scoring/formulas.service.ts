// The formula use cases of libs/application, bound into Nest's container (the CLI builds the same class with new).
import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, LeadScoreFormulas } from '#application';
import { LEAD_SCORE_PROJECTION } from '#projections/lead-score';
import type { Runtime } from '#runtime';
import { RUNTIME } from '../tokens.js';

export type { FormulaSummary } from '#application';

@Injectable()
export class FormulasService extends LeadScoreFormulas {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor, @Inject(RUNTIME) runtime: Runtime) {
    super(executor, runtime.projections, LEAD_SCORE_PROJECTION);
  }
}
