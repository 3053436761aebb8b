import 'reflect-metadata';
import { runService } from '@dul/platform';
import { ReportingEnvironment } from './reporting.environment';
import { ReportingModule } from './reporting.module';

void runService(ReportingEnvironment, process.env, (env) => ReportingModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger: reporting',
  description: "EU-wide and member-state views and the Commission's Art 26 annual report.",
});
