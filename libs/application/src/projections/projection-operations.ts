// What an operator does to the read models: rebuild one (lead scores with a saved formula), follow a build, compare
// two lead-score builds, skip a poison event, resume a parked build. The api's routes and the CLI call these.
import { ruleViolated } from '#domain/shared';
import { projectionOperationsDecider, projectionOperationsStream } from '#domain/projection-operations';
import { ProjectionNotFound, ProjectionStateError, type BuildStatus, type ProjectionEngine } from '#projection-engine';
import type { CommandExecutor } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';
import { replayReport, type ReplayReport } from '../scoring/lead-score-audit.js';
import type { LeadScoreFormulas } from '../scoring/lead-score-formulas.js';
import type { LeadScoreReadModel } from '../scoring/lead-score-read-model.js';

export type RebuildRequest = Readonly<{
  /** Build and report, but never replace the active build. */
  dryRun?: boolean;
  /** lead-score only: the saved formula to score with. */
  formulaId?: string;
  /** lead-score only: why the formula changes (required unless a dry run). */
  reason?: string;
}>;

export type RebuildProgress = BuildStatus & Readonly<{ etaSeconds: number | null }>;

export class ProjectionOperations {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly engine: ProjectionEngine,
    private readonly formulas: LeadScoreFormulas,
    private readonly leadScores: LeadScoreReadModel,
  ) {}

  /** A new build beside the active one, with its parameters or, for lead scores, a saved formula. */
  async rebuild(name: string, { dryRun, formulaId, reason }: RebuildRequest, context: RequestContext): Promise<{ name: string; version: number; formulaId?: string }> {
    if (formulaId === undefined) {
      const [active] = (await this.engine.status(name)).filter((b) => b.state === 'active');
      return { name, version: await this.engine.rebuild(name, active?.params ?? {}, { dryRun }) };
    }
    if (name !== this.leadScores.name) throw ruleViolated('formula-for-lead-score-only', 'only lead-score builds take a formula');
    const { formula } = await this.formulas.get(formulaId);
    const switched = await this.formulas.switchTo(formula, { dryRun, reason }, context);
    return { name, version: switched.version, formulaId: switched.formulaId };
  }

  /** A build's status with an estimate of the seconds left (0 once caught up, null while unknown). */
  async progress(name: string, version: number): Promise<RebuildProgress> {
    const build = (await this.engine.status(name)).find((b) => b.version === version);
    if (!build) throw new ProjectionNotFound(name, version);
    const etaSeconds =
      build.lagEvents !== null && build.eventsPerSecond ? Math.ceil(build.lagEvents / build.eventsPerSecond) : build.lagEvents === 0 ? 0 : null;
    return { ...build, etaSeconds };
  }

  /** Build `version` of lead scores against `against` (see replayReport). */
  report(name: string, version: number, against?: number): Promise<ReplayReport> {
    if (name !== this.leadScores.name) throw ruleViolated('report-for-lead-score-only', 'only lead-score builds have a replay report');
    return replayReport(this.engine, this.leadScores, version, against);
  }

  /**
   * Skips the poison event a build of `name` is parked on; answers that build's status. Only the event the build is
   * parked on can be skipped (one known-bad event, never a guess at future ones). The decision goes to the log first
   * (who, when, why); the engine learns it from there, so a crash between the two loses nothing: the build finds the
   * skip when it starts again, or at its next poll in another process.
   */
  async skip(name: string, eventId: string, reason: string, context: RequestContext): Promise<BuildStatus> {
    const builds = await this.engine.status(name);
    const build = builds.find((b) => b.parked?.eventId === eventId);
    if (!build?.parked) {
      const parked = builds.filter((b) => b.parked).map((b) => `build ${b.version} on ${b.parked!.eventId}`);
      throw new ProjectionStateError(
        `no build of ${name} is parked on ${eventId}` + (parked.length ? ` (parked: ${parked.join(', ')})` : ` (none is parked)`),
      );
    }
    const data = { projection: name, buildVersion: build.version, eventId, position: build.parked.position, reason };
    await this.executor.execute(
      projectionOperationsStream(name),
      projectionOperationsDecider,
      { type: 'SkipProjectionEvent', data, metadata: { now: context.now } },
      context,
    );
    await this.engine.skipRecorded(name, build.version);
    return (await this.engine.status(name)).find((b) => b.version === build.version)!;
  }
}
