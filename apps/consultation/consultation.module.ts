import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { PlatformModule } from '@dul/platform';
import type { ConsultationEnvironment } from './consultation.environment';

/** Art 14 and Art 16 consultations between authorities, the EU denial register and screening. */
@Module({})
export class ConsultationModule {
  static forRoot(environment: ConsultationEnvironment): DynamicModule {
    return { module: ConsultationModule, imports: [PlatformModule.forRoot({ environment })] };
  }
}
