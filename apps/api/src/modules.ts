// The api's controllers and providers (command and query handlers, services, start-up tasks), one line each.
import type { Provider, Type } from '@nestjs/common';
import { OwnerCommandHandler } from './owners/owner.handler.js';
import { OwnersController } from './owners/owners.controller.js';
import { SystemController } from './system/system.controller.js';
import { KeysController } from './keys/keys.controller.js';
import { DefaultPipelines } from './pipelines/default-pipelines.bootstrap.js';
import { PipelineCommandHandler } from './pipelines/pipeline.handler.js';
import { GetPipelineHandler, ListPipelinesHandler } from './pipelines/pipeline.queries.js';
import { PipelinesController } from './pipelines/pipelines.controller.js';
import { DealCommandHandler } from './deals/deal.handler.js';
import { GetDealHandler } from './deals/deal.queries.js';
import { DealsController } from './deals/deals.controller.js';
import { TicketCommandHandler } from './tickets/ticket.handler.js';
import { GetTicketHandler } from './tickets/ticket.queries.js';
import { TicketsController } from './tickets/tickets.controller.js';
import { EngagementCommandHandler } from './engagements/engagement.handler.js';
import { EngagementsController } from './engagements/engagements.controller.js';
import { EngagementListController } from './engagements/engagement-list.controller.js';
import { TasksController } from './tasks/tasks.controller.js';
import { EventCatalogController } from './events/event-catalog.controller.js';
import { ProjectionsController } from './projections/projections.controller.js';
import { ImportController } from './import/import.controller.js';
import { CommandImportService } from './import/command-import.service.js';
import { FormulasController } from './scoring/formulas.controller.js';
import { BacktestsController } from './scoring/backtests.controller.js';
import { LeadScoreVerifyController } from './scoring/lead-score-verify.controller.js';
import { FormulasService } from './scoring/formulas.service.js';
import { RecordContactActivityHandler } from './contacts/contact-activity.handler.js';
import { ContactActivityController } from './contacts/contact-activity.controller.js';
import { ContactCommandHandler, CreateContactHandler, MergeContactsHandler, UpdateContactHandler } from './contacts/contact.handler.js';
import { GetContactHandler } from './contacts/contact.queries.js';
import { ContactsController } from './contacts/contacts.controller.js';
import { CreateCompanyHandler, UpdateCompanyHandler } from './companies/company.handler.js';
import { GetCompanyHandler } from './companies/company.queries.js';
import { CompaniesController } from './companies/companies.controller.js';
import { PropertiesController } from './properties/properties.controller.js';
import { CompanyMergeController, MergeCompaniesHandler } from './companies/company-merge.controller.js';
import { SearchController } from './search/search.controller.js';
import { DuplicatesController } from './search/duplicates.controller.js';
import { GetMarketingPolicyHandler, MarketingPolicyCommandHandler } from './settings/marketing-policy.handler.js';
import { SettingsController } from './settings/settings.controller.js';
import { ExchangeRatesController } from './exchange-rates/exchange-rates.controller.js';
import { ExchangeRatesCommandHandler, GetReportingCurrencyHandler, ReportingCurrencyCommandHandler } from './exchange-rates/exchange-rates.handler.js';
import { PipelineHealthController } from './read-models/pipeline-health.controller.js';
import { StageDurationsController } from './read-models/stage-durations.controller.js';
import { MarketingContactsReadModelController } from './read-models/marketing-contacts.controller.js';
import { RepActivityReadModelController } from './read-models/rep-activity.controller.js';
import { MrrReadModelController } from './read-models/mrr.controller.js';
import { FunnelReadModelController } from './read-models/funnel.controller.js';
import { ForecastController } from './read-models/forecast.controller.js';
import { TicketsReadModelController } from './read-models/tickets.controller.js';
import { LeadScoresController } from './read-models/lead-scores.controller.js';
import { leadScoreReadModelProvider } from './read-models/lead-score-read-model.provider.js';
import { ContactTimelineController } from './read-models/contact-timeline.controller.js';
import { ContactListController } from './read-models/contact-list.controller.js';
import { CompanyListController } from './read-models/company-list.controller.js';
import { DealListController } from './read-models/deal-list.controller.js';
import { DealTotalsController } from './read-models/deal-list.controller.js';
import { TicketListController } from './read-models/ticket-list.controller.js';
import { OwnerListController } from './read-models/owner-list.controller.js';
import { TimelinesController } from './timelines/timelines.controller.js';
import { StreamsController } from './streams/streams.controller.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';
import { AsyncApiController } from './asyncapi/asyncapi.controller.js';
import { AssociationsController } from './associations/associations.controller.js';
import { RecordAssociationsController } from './associations/record-associations.controller.js';
import { AssociationCommandHandler } from './associations/association.handler.js';
import { WorkflowsController } from './workflows/workflows.controller.js';
import { DefaultWorkflows } from './workflows/default-workflows.bootstrap.js';
import { WorkflowProcesses, workflowClockProvider, workflowEngineProvider, workflowsReadModelProvider } from './workflows/workflow-engine.provider.js';
import { GoalCommandHandler } from './goals/goal.handler.js';
import { GoalsController } from './goals/goals.controller.js';
import { GoalsReadModelController } from './goals/goals-read-model.controller.js';
import { SurveysController } from './surveys/surveys.controller.js';
import { SurveyResponsesController } from './surveys/survey-responses.controller.js';
import { SurveyPageController } from './surveys/survey-page.controller.js';
import { surveyServiceProvider } from './surveys/survey.service.provider.js';
import { SurveyResponseRateLimitGuard } from './surveys/survey-response-rate-limit.guard.js';
import { SurveyResultsController } from './read-models/survey-results.controller.js';
import { FormCommandHandler } from './forms/form.handler.js';
import { FormsController } from './forms/forms.controller.js';
import { HostedFormController } from './forms/hosted-form.controller.js';
import { FormsListController } from './forms/forms-list.controller.js';
import { FormSubmissionRateLimit, formRateLimitProvider } from './forms/form-rate-limit.js';
import { SessionController } from './session/session.controller.js';

import { SnippetsController } from './snippets/snippets.controller.js';
import { PlaybookRunsController, PlaybooksController } from './playbooks/playbooks.controller.js';
import { PrivacyController } from './privacy/privacy.controller.js';
import { contactExportProvider } from './privacy/contact-export.provider.js';
import { PendingPurges, personalDataPurgeProvider } from './privacy/personal-data-purge.provider.js';
import { ContactErasureController } from './contacts/contact-erasure.controller.js';
import { EraseContactHandler } from './contacts/contact-erasure.handler.js';
import { dataKeyShredderProvider, ErasedKeys } from './contacts/erased-keys.provider.js';
export const CONTROLLERS: Type[] = [
  SystemController,
  KeysController,
  EventCatalogController,
  ProjectionsController,
  ImportController,
  FormulasController,
  BacktestsController,
  LeadScoreVerifyController,
  OwnersController,
  PipelinesController,
  // Before DealsController: its GET /v1/deals/:id would take GET /v1/deals/totals.
  DealTotalsController,
  DealsController,
  TicketsController,
  EngagementsController,
  EngagementListController,
  TasksController,
  ContactsController,
  ContactActivityController,
  CompaniesController,
  PropertiesController,
  CompanyMergeController,
  SearchController,
  DuplicatesController,
  SettingsController,
  ExchangeRatesController,
  PipelineHealthController,
  StageDurationsController,
  MarketingContactsReadModelController,
  RepActivityReadModelController,
  MrrReadModelController,
  FunnelReadModelController,
  ForecastController,
  TicketsReadModelController,
  LeadScoresController,
  ContactTimelineController,
  ContactListController,
  CompanyListController,
  DealListController,
  TicketListController,
  OwnerListController,
  TimelinesController,
  StreamsController,
  WebhooksController,
  AsyncApiController,
  AssociationsController,
  RecordAssociationsController,
  WorkflowsController,
  GoalsController,
  GoalsReadModelController,
  SurveysController,
  SurveyResponsesController,
  SurveyPageController,
  SurveyResultsController,
  FormsListController,
  FormsController,
  HostedFormController,
  SessionController,
  SnippetsController,
  PlaybooksController,
  PlaybookRunsController,
  PrivacyController,
  ContactErasureController,
];

export const PROVIDERS: Provider[] = [
  leadScoreReadModelProvider,
  FormulasService,
  // History import: event lines to the store, command lines through the CommandBus (HTTP and CLI).
  CommandImportService,
  OwnerCommandHandler,
  PipelineCommandHandler,
  GetPipelineHandler,
  ListPipelinesHandler,
  // Creates the default deal and ticket pipelines on the first start.
  DefaultPipelines,
  DealCommandHandler,
  GetDealHandler,
  TicketCommandHandler,
  GetTicketHandler,
  EngagementCommandHandler,
  CreateContactHandler,
  UpdateContactHandler,
  ContactCommandHandler,
  MergeContactsHandler,
  RecordContactActivityHandler,
  GetContactHandler,
  CreateCompanyHandler,
  UpdateCompanyHandler,
  GetCompanyHandler,
  MergeCompaniesHandler,
  MarketingPolicyCommandHandler,
  GetMarketingPolicyHandler,
  ExchangeRatesCommandHandler,
  ReportingCurrencyCommandHandler,
  GetReportingCurrencyHandler,
  AssociationCommandHandler,
  // Workflows: the engine, the default lifecycle workflows, and its runner and timers in the all-in-one process.
  workflowClockProvider,
  workflowsReadModelProvider,
  workflowEngineProvider,
  DefaultWorkflows,
  WorkflowProcesses,
  GoalCommandHandler,
  surveyServiceProvider,
  SurveyResponseRateLimitGuard,
  FormCommandHandler,
  formRateLimitProvider,
  FormSubmissionRateLimit,
  // Privacy (#22): the export, and the operational stores' purge the erasure calls (finished on start if interrupted).
  contactExportProvider,
  personalDataPurgeProvider,
  PendingPurges,
  // Erasure (#22): ContactErased, then the data key destroyed, then the operational stores purged.
  EraseContactHandler,
  ErasedKeys,
  dataKeyShredderProvider,
];
