// Skipping a poison event: the way forward for a parked build that is not "park again". Only the event the build
// is parked on can be skipped (one known-bad event, never a guess at future ones). The decision goes to the log
// first (who, when, why); the engine learns it from there, so a crash between the two loses nothing: the build
// finds the skip when it starts again, or at its next poll in another process.
import { CommandExecutor, type RequestContext } from '../../../../libs/application/src/index.js';
import { projectionOperationsDecider, projectionOperationsStream } from '../../../../libs/domain/src/projection-operations/index.js';
import { ProjectionStateError, type BuildStatus, type ProjectionEngine } from '../../../../libs/projection-engine/src/index.js';

export class ProjectionSkips {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly engine: ProjectionEngine,
  ) {}

  /** Skips `eventId` for the build of `name` parked on it; answers that build's status. */
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
