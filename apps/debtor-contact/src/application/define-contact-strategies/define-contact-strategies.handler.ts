import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, strategiesStreamId } from '../../debtor-contact.dependencies';
import { clientStrategiesDecider } from '../../domain/cadences/client-strategies.decider';
import { DefineContactStrategies } from './define-contact-strategies.command';
import type { ContactStrategiesAnswer } from './define-contact-strategies.request.dto';

@CommandHandler(DefineContactStrategies)
export class DefineContactStrategiesHandler implements ICommandHandler<DefineContactStrategies> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ clientId, request, context }: DefineContactStrategies): Promise<ContactStrategiesAnswer> {
    const strategies = request.strategies.map(({ strategyId, name, steps }) => ({ strategyId, name, steps: steps.map(({ day, action }) => ({ day, action })) }));
    const rules = request.rules.map((rule) => Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined)) as typeof rule);
    const { events, state } = await decideOrRefuse(
      this.deps.eventStore,
      clientStrategiesDecider,
      strategiesStreamId(clientId),
      { type: 'DefineContactStrategies', clientId, strategies, rules, definedBy: context.principal.id, now: context.now },
      context,
    );
    const defined = events.find((event) => event.type === 'ContactStrategiesDefined');
    if (!defined) throw new Error(`the strategies of client ${clientId} were accepted but not recorded (version ${state.version})`);
    return defined.data;
  }
}
