import 'reflect-metadata';
import { runService } from '@dul/platform';
import { ConsultationEnvironment } from './consultation.environment';
import { ConsultationServiceModule } from './consultation-service.module';

void runService(ConsultationEnvironment, process.env, (env) => ConsultationServiceModule.forRoot(env), {
  title: 'Dual-Use Licensing Ledger: consultation',
  description: 'Art 14 and Art 16 consultations between authorities, the EU denial register and screening.',
});
