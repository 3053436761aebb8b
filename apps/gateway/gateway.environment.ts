import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuthEnvironment } from '@dul/config';

/** The gateway's configuration: KAFKA_BROKERS turns the relay on. */
export class GatewayEnvironment extends AuthEnvironment {
  /** Replication factor for the topics the relay creates; 3 in production, 1 on a single local broker. */
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 5' })
  @Max(5, { message: 'must be between 1 and 5' })
  readonly KAFKA_TOPIC_REPLICATION: number = 3;
}
