import 'reflect-metadata';
import { runService } from '@dul/platform';
import { GatewayEnvironment } from './gateway.environment';
import { GatewayModule } from './gateway.module';

void runService(GatewayEnvironment, process.env, (env) => GatewayModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger: gateway',
  description: 'Event streams for other agencies: Kafka relay and Server-Sent Events.',
});
