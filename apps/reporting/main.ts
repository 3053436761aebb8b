import 'reflect-metadata';
import { runService } from '@dul/platform';
import { ReportingEnvironment } from './reporting.environment';
import { ReportingServiceModule } from './reporting-service.module';

void runService(ReportingEnvironment, process.env, (env) => ReportingServiceModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger: reporting',
  description: "The Commission's Art 26 annual report, member-state statistics and the public transparency dataset.",
});
