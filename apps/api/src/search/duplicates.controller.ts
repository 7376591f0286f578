// GET /v1/duplicates/{contacts|companies}: pairs that may be one record, with the reasons, paged.
import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { duplicates, SEARCH_PROJECTION, type DuplicatePair } from '#projections/search';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from '../read-models/read-model-controller.js';
import { DuplicatePairDto, DuplicatesQueryDto } from './search.dto.js';

type Page = { position: string | null; data: DuplicatePair[]; nextCursor?: string };

@ReadModelRoutes('v1/duplicates')
export class DuplicatesController extends ReadModelController {
  @Get('contacts')
  @ApiOperation({ summary: 'Contacts that may be one: the same email (no +tag, Gmail dots ignored), phone digits, or a similar name at the same company' })
  @ReadModelAnswer({ row: DuplicatePairDto, many: true, paged: true })
  contacts(@Query() query: DuplicatesQueryDto): Promise<Page> {
    return this.pairs('contact', query);
  }

  @Get('companies')
  @ApiOperation({ summary: 'Companies that may be one: the same domain or phone digits, or a similar name' })
  @ReadModelAnswer({ row: DuplicatePairDto, many: true, paged: true })
  companies(@Query() query: DuplicatesQueryDto): Promise<Page> {
    return this.pairs('company', query);
  }

  private async pairs(objectType: 'contact' | 'company', query: DuplicatesQueryDto): Promise<Page> {
    const position = await this.gate.positionFor(SEARCH_PROJECTION, query.minPosition);
    return { position, ...(await duplicates(this.readModels, { objectType, limit: query.limit ?? 50, cursor: query.cursor })) };
  }
}
