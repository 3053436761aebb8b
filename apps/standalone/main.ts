import 'reflect-metadata';
import { runService } from '@dul/platform';
import { StandaloneEnvironment } from './standalone.environment';
import { StandaloneModule } from './standalone.module';

void runService(StandaloneEnvironment, process.env, (env) => StandaloneModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger (standalone)',
  description:
    'Every service of the EU dual-use licensing ledger in one process (Regulation (EU) 2021/821): ' +
    'licensing, consultation, reporting and event streams on the embedded SQLite store.',
});
