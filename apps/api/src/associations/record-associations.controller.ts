import { applyDecorators, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import type { ObjectType } from '#domain/association';
import { notFound } from '#domain/shared';
import { ASSOCIATIONS, recordAssociations, type AssociationEntry } from '#projections/associations';
import { IdParam } from '../http/routes.js';
import { ReadModelAnswer } from '../read-models/read-model-answer.js';
import { ReadModelController, ReadModelRoutes } from '../read-models/read-model-controller.js';
import { AssociationEntryDto, AssociationsQueryDto } from './associations.dto.js';

type AssociationsAnswer = Promise<{ position: string | null; data: AssociationEntry[]; nextCursor?: string }>;

const Associations = (objects: string) =>
  applyDecorators(
    Get(`${objects}/:id/associations`),
    ApiOperation({ summary: `The records associated with one of the ${objects}, a row per label, by type, id and label; paged` }),
    ReadModelAnswer({ row: AssociationEntryDto, many: true, paged: true }),
    ApiNotFoundResponse({ description: `No such record among the ${objects}` }),
  );

@ReadModelRoutes('v1')
export class RecordAssociationsController extends ReadModelController {
  @Associations('contacts')
  contact(@IdParam() id: string, @Query() query: AssociationsQueryDto): AssociationsAnswer {
    return this.associations('contact', id, query);
  }

  @Associations('companies')
  company(@IdParam() id: string, @Query() query: AssociationsQueryDto): AssociationsAnswer {
    return this.associations('company', id, query);
  }

  @Associations('deals')
  deal(@IdParam() id: string, @Query() query: AssociationsQueryDto): AssociationsAnswer {
    return this.associations('deal', id, query);
  }

  @Associations('tickets')
  ticket(@IdParam() id: string, @Query() query: AssociationsQueryDto): AssociationsAnswer {
    return this.associations('ticket', id, query);
  }

  private async associations(type: ObjectType, id: string, query: AssociationsQueryDto): AssociationsAnswer {
    const position = await this.gate.positionFor(ASSOCIATIONS, query.minPosition);
    const page = await recordAssociations(this.readModels, { type, id, objectType: query.type, label: query.label, limit: query.limit ?? 50, cursor: query.cursor });
    if (!page) throw notFound(type, id);
    return { position, ...page };
  }
}
