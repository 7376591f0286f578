import type { Provider } from '@nestjs/common';
import { CommandExecutor, SurveyService } from '#application';
import type { Runtime } from '#runtime';
import { RUNTIME } from '../tokens.js';

// The use case, built once from the app's executor and the configured signing secret (null: links are refused).
export const surveyServiceProvider: Provider = {
  provide: SurveyService,
  inject: [CommandExecutor, RUNTIME],
  useFactory: (executor: CommandExecutor, runtime: Runtime) => new SurveyService(executor, runtime.config.surveySigningSecret),
};
