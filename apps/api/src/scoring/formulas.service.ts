// The formula use cases of libs/application, bound into Nest's container (the CLI builds the same class with new).
import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, LeadScoreFormulas } from '../../../../libs/application/src/index.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { RUNTIME } from '../tokens.js';

export type { FormulaSummary } from '../../../../libs/application/src/index.js';

@Injectable()
export class FormulasService extends LeadScoreFormulas {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor, @Inject(RUNTIME) runtime: Runtime) {
    super(executor, runtime.projections);
  }
}
