import { BadRequestException, Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { RequestContext } from '../../../../libs/application/src/index.js';
import {
  FormulaInvalid,
  parseFormulaDocument,
  validateFormula,
  type FormulaIssue,
} from '../../../../libs/scoring/src/index.js';
import { Ctx } from '../http/request-context.decorator.js';
import { FormulaIdParam } from './formula-id.param.js';
import { FormulasService, type FormulaSummary } from './formulas.service.js';

const invalid = (errors: readonly FormulaIssue[]) =>
  new BadRequestException({
    error: 'FORMULA_INVALID',
    message: errors.map((e) => `${e.path || '/'}: ${e.reason}`).join('; '),
    fields: errors.map((e) => ({ field: e.path || '/', reason: e.reason })),
    errors,
  });

@ApiTags('scoring')
@Controller('v1/scoring/formulas')
export class FormulasController {
  constructor(@Inject(FormulasService) private readonly formulas: FormulasService) {}

  @Post()
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody({ description: 'A formula document (JSON, or YAML with Content-Type application/yaml)' })
  @ApiOperation({ summary: 'Save a formula; its id is the SHA-256 of its canonical JSON. Every error is listed.' })
  async register(
    @Req() request: Request,
    @Body() body: unknown,
    @Ctx() context: RequestContext,
  ): Promise<{ id: string; revision: number; position: string | null; warnings: readonly FormulaIssue[] }> {
    let document: unknown = body;
    if (typeof body === 'string' || /yaml/.test(request.header('Content-Type') ?? '')) {
      try {
        document = parseFormulaDocument(String(body ?? ''));
      } catch (error) {
        if (error instanceof FormulaInvalid) throw invalid(error.errors);
        throw error;
      }
    }
    const validation = validateFormula(document);
    if (!validation.formula) throw invalid(validation.errors);
    const { formulaId: id, revision, position } = await this.formulas.register(validation.formula, context);
    return { id, revision, position, warnings: validation.warnings };
  }

  @Get()
  @ApiOperation({ summary: 'Every saved formula, and which one is active' })
  async list(): Promise<{ data: FormulaSummary[] }> {
    return { data: await this.formulas.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One formula by id' })
  async one(@Param() { id }: FormulaIdParam): Promise<FormulaSummary> {
    return this.formulas.get(id);
  }
}
