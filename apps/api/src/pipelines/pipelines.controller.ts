import { Body, Delete, Get, Inject, Param, Patch, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { validationFailed, type RequestContext } from '#application';
import type { PipelineCommand } from '#domain/pipeline';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute } from '../http/routes.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { pipelineIdParam, stageIdParam } from './id-param.pipe.js';
import { ExecutePipelineCommand, type PipelineCommands } from './pipeline.handler.js';
import { GetPipeline, ListPipelines } from './pipeline.queries.js';
import {
  AddPipelineStageDto,
  CreatePipelineDto,
  PipelineList,
  PipelineView,
  RenamePipelineDto,
  ReorderPipelineStagesDto,
  UpdatePipelineStageDto,
} from './pipelines.dto.js';

@ApiRoutes('pipelines', 'v1/pipelines')
export class PipelinesController {
  private readonly pipelines: CommandRoutes<PipelineCommands>;

  constructor(@Inject(CommandBus) commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {
    this.pipelines = new CommandRoutes(commands, ExecutePipelineCommand, ([first]) => first.data.pipelineId);
  }

  @Get()
  @ApiOperation({ summary: 'List the deal and ticket pipelines with their stages' })
  @ApiOkResponse({ type: PipelineList })
  async list(): Promise<PipelineList> {
    return { items: await this.queries.execute(new ListPipelines()) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A pipeline with its stages and revision' })
  @ApiOkResponse({ type: PipelineView })
  @ApiNotFoundResponse()
  get(@Param('id', pipelineIdParam()) pipelineId: string): Promise<PipelineView> {
    return this.queries.execute(new GetPipeline(pipelineId));
  }

  @CreateRoute('Create a deal or ticket pipeline with its stages')
  async create(@Body() body: CreatePipelineDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const pipelineId = context.ids.next('pipeline');
    return this.pipelines.dispatch([{ type: 'CreatePipeline', data: { pipelineId, ...body }, metadata: { now: context.now } }], context);
  }

  @CommandRoute(Patch(':id'), 'Rename a pipeline')
  @ApiConflictResponse({ description: 'If-Match names a revision the pipeline has moved past' })
  rename(
    @Param('id', pipelineIdParam()) pipelineId: string,
    @Body() { name }: RenamePipelineDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.pipelines.dispatch([{ type: 'RenamePipeline', data: { pipelineId, name }, metadata: { now: context.now } }], context, ifMatch);
  }

  @CreateRoute('Add a stage, at a position among the non-archived stages or at the end', ':id/stages')
  addStage(
    @Param('id', pipelineIdParam()) pipelineId: string,
    @Body() { stage, position }: AddPipelineStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.pipelines.dispatch([{ type: 'AddPipelineStage', data: { pipelineId, stage, position }, metadata: { now: context.now } }], context, ifMatch);
  }

  @CommandRoute(Patch(':id/stages/:stageId'), "Change a stage's label and/or probability (both apply or neither)")
  updateStage(
    @Param('id', pipelineIdParam()) pipelineId: string,
    @Param('stageId', stageIdParam()) stageId: string,
    @Body() { label, probability }: UpdatePipelineStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const metadata = { now: context.now };
    const commands: PipelineCommand[] = [
      ...(label === undefined ? [] : [{ type: 'RenamePipelineStage', data: { pipelineId, stageId, label }, metadata } as const]),
      ...(probability === undefined
        ? []
        : [{ type: 'ChangeStageProbability', data: { pipelineId, stageId, probability }, metadata } as const]),
    ];
    const [first, ...rest] = commands;
    if (first === undefined) {
      const reason = 'send label, probability or both';
      throw validationFailed([{ field: 'label', reason }], reason);
    }
    return this.pipelines.dispatch([first, ...rest], context, ifMatch);
  }

  @CommandRoute(Put(':id/stage-order'), 'Reorder the non-archived stages')
  reorder(
    @Param('id', pipelineIdParam()) pipelineId: string,
    @Body() { stageIds }: ReorderPipelineStagesDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.pipelines.dispatch([{ type: 'ReorderPipelineStages', data: { pipelineId, stageIds }, metadata: { now: context.now } }], context, ifMatch);
  }

  @CommandRoute(Delete(':id/stages/:stageId'), 'Archive a stage: its id stays taken, records already in it keep it')
  archiveStage(
    @Param('id', pipelineIdParam()) pipelineId: string,
    @Param('stageId', stageIdParam()) stageId: string,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.pipelines.dispatch([{ type: 'ArchivePipelineStage', data: { pipelineId, stageId }, metadata: { now: context.now } }], context, ifMatch);
  }
}
