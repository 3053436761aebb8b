import 'reflect-metadata';
import { runService } from '@dul/platform';
import { GatewayEnvironment } from './gateway.environment';
import { GatewayServiceModule } from './gateway-service.module';

void runService(GatewayEnvironment, process.env, (env) => GatewayServiceModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger: gateway',
  description: 'Event streams for other agencies: Kafka relay of CloudEvents, Server-Sent Events, AsyncAPI.',
});
