import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '#auth';

/** A key as listed: never its secret. */
export class KeyView {
  @ApiProperty({ example: '3k9x0c2m7q1w8e5r' }) keyId!: string;
  @ApiProperty({ example: 'warehouse loader' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The owner the key acts for; null: bound to no one' }) ownerId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'The key that created it (key:<id>), or the CLI' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while the key works' }) revokedAt!: string | null;
}

export class CreatedKeyView extends KeyView {
  @ApiProperty({ description: 'The key to send as Authorization: Bearer <secret>; shown only now', example: 'tly_3k9x0c2m7q1w8e5r_...' })
  secret!: string;
}

export class KeyList {
  @ApiProperty({ type: [KeyView] }) data!: KeyView[];
}
