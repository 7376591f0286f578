import { ApiProperty } from '@nestjs/swagger';
import { ERASURE_LEGAL_BASES, type ErasureLegalBasis } from '#domain/contact';
import { OneOf, Text } from '../http/dto-fields.js';

export class EraseContactDto {
  @Text(1000, {
    example: 'Request #4711 received by post on 2026-03-02',
    description: 'Why, for the audit record; it is kept after the erasure, so it must not repeat the personal data',
  })
  reason!: string;

  @OneOf(ERASURE_LEGAL_BASES, { description: 'The ground for erasure, GDPR Art. 17(1) (a) to (f)' })
  legalBasis!: ErasureLegalBasis;
}

/** The erasure as recorded: who, when, why; nothing personal. */
export class ErasureRecordDto {
  @ApiProperty() contactId!: string;
  @ApiProperty({ description: 'The actor (API key) that erased the contact' }) erasedBy!: string;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
  @ApiProperty({ enum: ERASURE_LEGAL_BASES }) legalBasis!: ErasureLegalBasis;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Global position of ContactErased; wait for read models with it' })
  position!: string | null;
}
