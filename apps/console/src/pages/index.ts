// Every page of the console, one line each (ADD-ONLY: the shell's navigation lists them in this order, shown only
// when the session's role has the page's permission).
import type { PageDefinition } from '../page';
import { boardPage } from './board';
import { forecastPage } from './forecast';
import { leadScoresPage } from './lead-scores';
import { formulasPage } from './formulas';
import { projectionsPage } from './projections';
import { repActivityPage } from './rep-activity';
import { recordsPage } from './records';
import { liveEventsPage } from './live-events';

export const PAGES: PageDefinition[] = [
  boardPage,
  forecastPage,
  leadScoresPage,
  formulasPage,
  projectionsPage,
  repActivityPage,
  recordsPage,
  liveEventsPage,
];
