import { Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { FORMS, formList, type FormListItem } from '#projections/forms';
import { ApiRoutes } from '../http/routes.js';
import { CsvInterceptor } from '../read-models/csv.interceptor.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController } from '../read-models/read-model-controller.js';
import { ReadModelQuery } from '../read-models/read-model.dto.js';
import { FormListItemDto } from './forms.dto.js';

// The list of forms, from the forms read model (area forms: marketing, sales and service read it).
@ApiRoutes('forms', 'v1/forms')
@UseInterceptors(CsvInterceptor)
export class FormsListController extends ReadModelController {
  @Get()
  @ApiOperation({ summary: 'Every form with its version, field count and submissions so far, oldest first (JSON or CSV)' })
  @ReadModelAnswer({ row: FormListItemDto, many: true })
  async list(@Query() query: ReadModelQuery): Promise<{ position: string | null; data: FormListItem[] }> {
    const position = await this.gate.positionFor(FORMS, query.minPosition);
    return { position, data: await formList(this.readModels) };
  }
}
