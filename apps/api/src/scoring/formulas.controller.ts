import { Body, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import type { RequestContext } from '#application';
import type { FormulaIssue } from '#scoring';
import { Ctx } from '../http/request-context.decorator.js';
import { ApiRoutes } from '../http/routes.js';
import { FormulaIdParam } from './formula-id.param.js';
import { FormulasService, type FormulaSummary } from './formulas.service.js';
import { FormulaList, FormulaSummaryView, SavedFormulaView } from './scoring.dto.js';

@ApiRoutes('scoring', 'v1/scoring/formulas')
export class FormulasController {
  constructor(@Inject(FormulasService) private readonly formulas: FormulasService) {}

  @Post()
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody({ description: 'A formula document (JSON, or YAML with Content-Type application/yaml)' })
  @ApiOperation({ summary: 'Save a formula; its id is the SHA-256 of its canonical JSON. Every error is listed.' })
  @ApiCreatedResponse({ type: SavedFormulaView })
  async register(
    @Req() request: Request,
    @Body() body: unknown,
    @Ctx() context: RequestContext,
  ): Promise<{ id: string; revision: number; position: string | null; warnings: readonly FormulaIssue[] }> {
    const document = /yaml/.test(request.header('Content-Type') ?? '') ? String(body ?? '') : body;
    const { formulaId: id, revision, position, warnings } = await this.formulas.registerDocument(document, context);
    return { id, revision, position, warnings };
  }

  @Get()
  @ApiOperation({ summary: 'Every saved formula, and which one is active' })
  @ApiOkResponse({ type: FormulaList })
  async list(): Promise<{ data: FormulaSummary[] }> {
    return { data: await this.formulas.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One formula by id' })
  @ApiOkResponse({ type: FormulaSummaryView })
  async one(@Param() { id }: FormulaIdParam): Promise<FormulaSummary> {
    return this.formulas.get(id);
  }
}
