import 'reflect-metadata';
import { runService } from '@dul/platform';
import { LicensingEnvironment } from './licensing.environment';
import { LicensingServiceModule } from './licensing-service.module';

void runService(LicensingEnvironment, process.env, (env) => LicensingServiceModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger: licensing',
  description: 'Member-state API: applications, assessment, decisions and licences.',
});
