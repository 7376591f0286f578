// What every read-model controller shares: its tag and CSV answers, and what its routes read through (the read
// models' data source, and the gate that waits for minPosition).
import { applyDecorators, Controller, Inject, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { READ_MODELS } from '../tokens.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { ReadModelGate } from './read-model-gate.js';

export const ReadModelRoutes = (path: string) => applyDecorators(ApiTags('read-models'), Controller(path), UseInterceptors(CsvInterceptor));

export abstract class ReadModelController {
  constructor(
    @Inject(READ_MODELS) protected readonly readModels: DataSource,
    @Inject(ReadModelGate) protected readonly gate: ReadModelGate,
  ) {}
}
