import 'reflect-metadata';
import { runService } from '@dul/platform';
import { ConsultationEnvironment } from './consultation.environment';
import { ConsultationModule } from './consultation.module';

void runService(ConsultationEnvironment, process.env, (env) => ConsultationModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger: consultation',
  description: 'Art 14 and Art 16 consultations between authorities, the EU denial register and screening.',
});
