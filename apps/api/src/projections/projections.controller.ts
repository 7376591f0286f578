import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { BuildStatus } from '../../../../libs/projection-engine/src/index.js';
import type { Runtime } from '../../../../libs/runtime/src/index.js';
import { RUNTIME } from '../tokens.js';
import { ProjectionNameParam } from './projection-name.param.js';

export class RebuildDto {
  @ApiPropertyOptional({ description: 'Build and report, but never replace the active build' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

@ApiTags('projections')
@Controller('v1/projections')
export class ProjectionsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get()
  @ApiOperation({ summary: 'Every projection build: version, status, position, lag in events and milliseconds' })
  async list(): Promise<{ data: BuildStatus[] }> {
    return { data: await this.runtime.projections.status() };
  }

  @Get(':name')
  @ApiOperation({ summary: "One projection's builds (the active one, rebuilds, retired ones kept for comparison)" })
  async one(@Param() { name }: ProjectionNameParam): Promise<{ data: BuildStatus[] }> {
    return { data: await this.runtime.projections.status(name) };
  }

  @Post(':name/rebuilds')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild into new tables beside the active build; the views switch once it has caught up' })
  async rebuild(@Param() { name }: ProjectionNameParam, @Body() body: RebuildDto): Promise<{ name: string; version: number }> {
    const engine = this.runtime.projections;
    const [active] = (await engine.status(name)).filter((b) => b.state === 'active');
    const version = await engine.rebuild(name, active?.params ?? {}, { dryRun: body.dryRun });
    return { name, version };
  }

  @Post(':name/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'Retry a parked projection from the event it parked on (after the cause is fixed)' })
  async resume(@Param() { name }: ProjectionNameParam): Promise<{ name: string; resumed: true }> {
    await this.runtime.projections.resume(name);
    return { name, resumed: true };
  }
}
